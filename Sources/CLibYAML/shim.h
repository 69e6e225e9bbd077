#ifndef LITTLESTACK_CLIBYAML_SHIM_H
#define LITTLESTACK_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
