import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.omegat.core.segmentation.SRX;
import org.omegat.core.segmentation.Segmenter;
import org.omegat.util.Language;

/**
 * OmegaT's own segmenter with its default rules, headless. "SegmentText LANG" reads
 * paragraphs, one a line, on stdin and prints each one's segments on a line, separated by
 * U+241E; "SegmentText --save FILE" writes the default rules as OmegaT 3 keeps a project's
 * (omegat/segmentation.conf).
 */
public class SegmentText {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("--save")) {
            SRX.saveTo(SRX.getDefault(), new File(args[1]));
            return;
        }
        Segmenter segmenter = new Segmenter();
        segmenter.setSRX(SRX.getDefault());
        Language lang = new Language(args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        for (String line; (line = in.readLine()) != null; ) {
            out.println(String.join("\u241E", segmenter.segment(lang, line, null, null)));
        }
    }
}
