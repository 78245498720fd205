#ifndef AUTOGIT_CCMARK_SHIM_H
#define AUTOGIT_CCMARK_SHIM_H
#include <cmark.h>
#endif
