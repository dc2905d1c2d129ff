#ifndef MEDIACAT_CFFMPEG_LOADER_H
#define MEDIACAT_CFFMPEG_LOADER_H

#include <stddef.h>

/// Loads libavformat, libavcodec, libavutil and libswscale with dlopen, once per process.
/// Returns 0 on success; otherwise -1 with dlerror's text in `error`.
int mc_ffmpeg_load(char *error, size_t error_size);

#endif
