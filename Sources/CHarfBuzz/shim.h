#ifndef CHARFBUZZ_SHIM_H
#define CHARFBUZZ_SHIM_H
#include <hb.h>
#include <hb-subset.h>

/// `HB_TAG` is a function-like macro; Swift cannot call it.
static inline hb_tag_t CHarfBuzz_tag(char a, char b, char c, char d) { return HB_TAG(a, b, c, d); }
#endif
