#ifndef MEDIACAT_CFFMPEG_SHIM_H
#define MEDIACAT_CFFMPEG_SHIM_H

#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/channel_layout.h>
#include <libavutil/display.h>
#include <libavutil/error.h>
#include <libavutil/dict.h>
#include <libavutil/pixdesc.h>
#include <libavutil/time.h>
#include <libswscale/swscale.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/mathematics.h>

/* Function-like macros that Swift cannot import. */

static inline int mc_averror(int errnum) { return AVERROR(errnum); }
static inline int mc_averror_eof(void) { return AVERROR_EOF; }
static inline int mc_averror_exit(void) { return AVERROR_EXIT; }
static inline int64_t mc_nopts_value(void) { return AV_NOPTS_VALUE; }
static inline AVRational mc_time_base_q(void) { return AV_TIME_BASE_Q; }

#endif
