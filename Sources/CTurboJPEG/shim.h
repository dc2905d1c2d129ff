#ifndef MEDIACAT_CTURBOJPEG_SHIM_H
#define MEDIACAT_CTURBOJPEG_SHIM_H

#include <turbojpeg.h>

/* TJSCALED is a macro: the scaled dimension for a scaling factor. */
static inline int mc_tj_scaled(int dimension, tjscalingfactor factor) {
    return TJSCALED(dimension, factor);
}

#endif
