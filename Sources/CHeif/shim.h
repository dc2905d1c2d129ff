#ifndef MEDIACAT_CHEIF_SHIM_H
#define MEDIACAT_CHEIF_SHIM_H

#include <libheif/heif.h>

#endif
