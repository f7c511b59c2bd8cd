"""What the tests and the benchmarks share: the corpora's paths and gold loaders
(`corpora`), renderings of the real texts as other tools give them (`render`), and
faulty copies of the real pairs for the QA tests (`faults`)."""
