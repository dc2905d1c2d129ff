#ifndef MEDIACAT_CWEBP_SHIM_H
#define MEDIACAT_CWEBP_SHIM_H

#include <webp/encode.h>

#endif
