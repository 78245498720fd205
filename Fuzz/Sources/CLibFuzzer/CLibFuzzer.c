// Declarations only (include/CLibFuzzer.h); SwiftPM needs one source file to make this a module.
#include "CLibFuzzer.h"
