// Placeholder until issue 4 lands: the tool is not implemented yet, so it says so and fails.
import ChecksCLI
import LinkProbe
FileHandleErrorPrinter.notImplemented("check-doc-links")
