import java.io.File;
import java.util.List;
import org.omegat.core.Core;
import org.omegat.core.data.NotLoadedProject;
import org.omegat.core.data.ProjectProperties;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTBX;
import org.omegat.gui.glossary.GlossaryReaderTSV;

/**
 * Loads glossary files with OmegaT's own readers, headless, and prints what OmegaT sees:
 * a line "FILE<TAB>N" (N entries, or "null" where OmegaT ignores the file), then a line
 * "SOURCE<TAB>TARGET<TAB>COMMENT" per entry. The TBX reader asks the project for its
 * languages, so a project that is not loaded answers en-US to zh-CN.
 */
public class GlossaryLoad {
    public static void main(String[] args) throws Exception {
        final ProjectProperties props = new ProjectProperties() { };
        props.setSourceLanguage("en-US");
        props.setTargetLanguage("zh-CN");
        Core.setProject(new NotLoadedProject() {
            @Override public ProjectProperties getProjectProperties() { return props; }
        });
        for (String path : args) {
            File file = new File(path);
            List<GlossaryEntry> entries = file.getName().toLowerCase().endsWith(".tbx")
                    ? GlossaryReaderTBX.read(file, false)
                    : GlossaryReaderTSV.read(file, false);
            System.out.println(file.getName() + "\t" + (entries == null ? "null" : String.valueOf(entries.size())));
            if (entries == null) continue;
            for (GlossaryEntry e : entries) {
                System.out.println(e.getSrcText() + "\t" + e.getLocText() + "\t"
                        + e.getCommentText().replace("\n", " / "));
            }
        }
    }
}
