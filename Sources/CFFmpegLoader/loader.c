/*
 * FFmpeg, loaded on first use.
 *
 * Debian's libavformat and libavcodec pull in about 130 shared libraries (every codec, TLS,
 * network protocols); loading them costs ~26 ms at every process start, more than probing 70
 * photos. Commands that never touch video should not pay it. So the executable is not linked
 * against FFmpeg: this file defines each FFmpeg function mediacat calls as a trampoline with
 * the header's exact signature (the compiler checks each one against the declaration), which
 * calls the real function resolved with dlsym after mc_ffmpeg_load() has run.
 *
 * The house style keeps C targets header-only; this one is the documented exception.
 * Add a function here when the Swift code starts calling it (the link fails otherwise).
 */
#include "CFFmpegLoader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/avutil.h>
#include <libavutil/channel_layout.h>
#include <libavutil/mathematics.h>
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
#include <libavutil/time.h>
#include <libswscale/swscale.h>

#define MC_STR2(x) #x
#define MC_STR(x) MC_STR2(x)

/* Sonames from the headers the code was compiled against, e.g. libavformat.so.59. */
static const char *const mc_sonames[] = {
    "libavutil.so." MC_STR(LIBAVUTIL_VERSION_MAJOR),
    "libswscale.so." MC_STR(LIBSWSCALE_VERSION_MAJOR),
    "libavcodec.so." MC_STR(LIBAVCODEC_VERSION_MAJOR),
    "libavformat.so." MC_STR(LIBAVFORMAT_VERSION_MAJOR),
    "libavfilter.so." MC_STR(LIBAVFILTER_VERSION_MAJOR),
};
#define MC_LIBRARY_COUNT (sizeof mc_sonames / sizeof mc_sonames[0])

static void *mc_handles[MC_LIBRARY_COUNT];
static char mc_error[512];
static pthread_once_t mc_once = PTHREAD_ONCE_INIT;

static void mc_load_once(void) {
    for (size_t i = 0; i < MC_LIBRARY_COUNT; i++) {
        mc_handles[i] = dlopen(mc_sonames[i], RTLD_NOW | RTLD_LOCAL);
        if (!mc_handles[i]) {
            const char *reason = dlerror();
            snprintf(mc_error, sizeof mc_error, "%s", reason ? reason : mc_sonames[i]);
            return;
        }
    }
}

int mc_ffmpeg_load(char *error, size_t error_size) {
    pthread_once(&mc_once, mc_load_once);
    if (mc_error[0] == 0) return 0;
    if (error && error_size) snprintf(error, error_size, "%s", mc_error);
    return -1;
}

/* Finds a symbol in the loaded libraries. Swift calls mc_ffmpeg_load first and reports its
   error; reaching a trampoline without FFmpeg is a programming error, so it aborts. */
static void *mc_resolve(const char *name) {
    char error[512];
    if (mc_ffmpeg_load(error, sizeof error) != 0) {
        fprintf(stderr, "mediacat: FFmpeg is not available: %s\n", error);
        abort();
    }
    for (size_t i = MC_LIBRARY_COUNT; i-- > 0;) {
        void *symbol = dlsym(mc_handles[i], name);
        if (symbol) return symbol;
    }
    fprintf(stderr, "mediacat: FFmpeg has no function %s\n", name);
    abort();
}

/* Declares the cached pointer and its accessor for one FFmpeg function. */
#define MC_POINTER(name)                                                              \
    static _Atomic(void *) mc_pointer_##name;                                         \
    static __typeof__(&name) mc_##name(void) {                                        \
        void *p = atomic_load_explicit(&mc_pointer_##name, memory_order_acquire);     \
        if (!p) {                                                                     \
            p = mc_resolve(#name);                                                    \
            atomic_store_explicit(&mc_pointer_##name, p, memory_order_release);       \
        }                                                                             \
        return (__typeof__(&name))p;                                                  \
    }

/* libavformat */
MC_POINTER(avformat_alloc_context)
AVFormatContext *avformat_alloc_context(void) { return mc_avformat_alloc_context()(); }
MC_POINTER(avformat_open_input)
int avformat_open_input(AVFormatContext **ps, const char *url, const AVInputFormat *fmt, AVDictionary **options) {
    return mc_avformat_open_input()(ps, url, fmt, options);
}
MC_POINTER(avformat_close_input)
void avformat_close_input(AVFormatContext **s) { mc_avformat_close_input()(s); }
MC_POINTER(avformat_find_stream_info)
int avformat_find_stream_info(AVFormatContext *ic, AVDictionary **options) {
    return mc_avformat_find_stream_info()(ic, options);
}
MC_POINTER(av_read_frame)
int av_read_frame(AVFormatContext *s, AVPacket *pkt) { return mc_av_read_frame()(s, pkt); }
MC_POINTER(av_seek_frame)
int av_seek_frame(AVFormatContext *s, int stream_index, int64_t timestamp, int flags) {
    return mc_av_seek_frame()(s, stream_index, timestamp, flags);
}
MC_POINTER(av_stream_get_side_data)
uint8_t *av_stream_get_side_data(const AVStream *stream, enum AVPacketSideDataType type, size_t *size) {
    return mc_av_stream_get_side_data()(stream, type, size);
}

/* libavcodec */
MC_POINTER(avcodec_get_name)
const char *avcodec_get_name(enum AVCodecID id) { return mc_avcodec_get_name()(id); }
MC_POINTER(avcodec_profile_name)
const char *avcodec_profile_name(enum AVCodecID codec_id, int profile) {
    return mc_avcodec_profile_name()(codec_id, profile);
}
MC_POINTER(avcodec_alloc_context3)
AVCodecContext *avcodec_alloc_context3(const AVCodec *codec) { return mc_avcodec_alloc_context3()(codec); }
MC_POINTER(avcodec_free_context)
void avcodec_free_context(AVCodecContext **avctx) { mc_avcodec_free_context()(avctx); }
MC_POINTER(avcodec_parameters_to_context)
int avcodec_parameters_to_context(AVCodecContext *codec, const AVCodecParameters *par) {
    return mc_avcodec_parameters_to_context()(codec, par);
}
MC_POINTER(av_parser_init)
AVCodecParserContext *av_parser_init(int codec_id) { return mc_av_parser_init()(codec_id); }
MC_POINTER(av_parser_parse2)
int av_parser_parse2(AVCodecParserContext *s, AVCodecContext *avctx, uint8_t **poutbuf, int *poutbuf_size,
                     const uint8_t *buf, int buf_size, int64_t pts, int64_t dts, int64_t pos) {
    return mc_av_parser_parse2()(s, avctx, poutbuf, poutbuf_size, buf, buf_size, pts, dts, pos);
}
MC_POINTER(av_parser_close)
void av_parser_close(AVCodecParserContext *s) { mc_av_parser_close()(s); }
MC_POINTER(av_packet_alloc)
AVPacket *av_packet_alloc(void) { return mc_av_packet_alloc()(); }
MC_POINTER(av_packet_free)
void av_packet_free(AVPacket **pkt) { mc_av_packet_free()(pkt); }
MC_POINTER(av_packet_unref)
void av_packet_unref(AVPacket *pkt) { mc_av_packet_unref()(pkt); }

MC_POINTER(avcodec_find_decoder)
const AVCodec *avcodec_find_decoder(enum AVCodecID id) { return mc_avcodec_find_decoder()(id); }
MC_POINTER(avcodec_open2)
int avcodec_open2(AVCodecContext *avctx, const AVCodec *codec, AVDictionary **options) {
    return mc_avcodec_open2()(avctx, codec, options);
}
MC_POINTER(avcodec_send_packet)
int avcodec_send_packet(AVCodecContext *avctx, const AVPacket *avpkt) { return mc_avcodec_send_packet()(avctx, avpkt); }
MC_POINTER(avcodec_receive_frame)
int avcodec_receive_frame(AVCodecContext *avctx, AVFrame *frame) { return mc_avcodec_receive_frame()(avctx, frame); }
MC_POINTER(avcodec_flush_buffers)
void avcodec_flush_buffers(AVCodecContext *avctx) { mc_avcodec_flush_buffers()(avctx); }

/* libswscale */
MC_POINTER(sws_getContext)
struct SwsContext *sws_getContext(int srcW, int srcH, enum AVPixelFormat srcFormat, int dstW, int dstH,
                                  enum AVPixelFormat dstFormat, int flags, SwsFilter *srcFilter,
                                  SwsFilter *dstFilter, const double *param) {
    return mc_sws_getContext()(srcW, srcH, srcFormat, dstW, dstH, dstFormat, flags, srcFilter, dstFilter, param);
}
MC_POINTER(sws_scale)
int sws_scale(struct SwsContext *c, const uint8_t *const srcSlice[], const int srcStride[], int srcSliceY,
              int srcSliceH, uint8_t *const dst[], const int dstStride[]) {
    return mc_sws_scale()(c, srcSlice, srcStride, srcSliceY, srcSliceH, dst, dstStride);
}
MC_POINTER(sws_freeContext)
void sws_freeContext(struct SwsContext *swsContext) { mc_sws_freeContext()(swsContext); }
MC_POINTER(sws_getCoefficients)
const int *sws_getCoefficients(int colorspace) { return mc_sws_getCoefficients()(colorspace); }
MC_POINTER(sws_setColorspaceDetails)
int sws_setColorspaceDetails(struct SwsContext *c, const int inv_table[4], int srcRange, const int table[4],
                             int dstRange, int brightness, int contrast, int saturation) {
    return mc_sws_setColorspaceDetails()(c, inv_table, srcRange, table, dstRange, brightness, contrast, saturation);
}

/* libavutil */
MC_POINTER(av_frame_alloc)
AVFrame *av_frame_alloc(void) { return mc_av_frame_alloc()(); }
MC_POINTER(av_frame_free)
void av_frame_free(AVFrame **frame) { mc_av_frame_free()(frame); }
MC_POINTER(av_strerror)
int av_strerror(int errnum, char *errbuf, size_t errbuf_size) { return mc_av_strerror()(errnum, errbuf, errbuf_size); }
MC_POINTER(av_log_set_callback)
void av_log_set_callback(void (*callback)(void *, int, const char *, va_list)) { mc_av_log_set_callback()(callback); }
MC_POINTER(av_gettime_relative)
int64_t av_gettime_relative(void) { return mc_av_gettime_relative()(); }
MC_POINTER(av_dict_get)
AVDictionaryEntry *av_dict_get(const AVDictionary *m, const char *key, const AVDictionaryEntry *prev, int flags) {
    return mc_av_dict_get()(m, key, prev, flags);
}
MC_POINTER(av_dict_set)
int av_dict_set(AVDictionary **pm, const char *key, const char *value, int flags) {
    return mc_av_dict_set()(pm, key, value, flags);
}
MC_POINTER(av_dict_free)
void av_dict_free(AVDictionary **m) { mc_av_dict_free()(m); }
MC_POINTER(av_pix_fmt_desc_get)
const AVPixFmtDescriptor *av_pix_fmt_desc_get(enum AVPixelFormat pix_fmt) { return mc_av_pix_fmt_desc_get()(pix_fmt); }
MC_POINTER(av_color_primaries_name)
const char *av_color_primaries_name(enum AVColorPrimaries primaries) { return mc_av_color_primaries_name()(primaries); }
MC_POINTER(av_color_transfer_name)
const char *av_color_transfer_name(enum AVColorTransferCharacteristic transfer) {
    return mc_av_color_transfer_name()(transfer);
}
MC_POINTER(av_get_sample_fmt_name)
const char *av_get_sample_fmt_name(enum AVSampleFormat sample_fmt) { return mc_av_get_sample_fmt_name()(sample_fmt); }
MC_POINTER(av_channel_layout_describe)
int av_channel_layout_describe(const AVChannelLayout *channel_layout, char *buf, size_t buf_size) {
    return mc_av_channel_layout_describe()(channel_layout, buf, buf_size);
}
MC_POINTER(av_display_rotation_get)
double av_display_rotation_get(const int32_t matrix[9]) { return mc_av_display_rotation_get()(matrix); }

MC_POINTER(av_rescale_q)
int64_t av_rescale_q(int64_t a, AVRational bq, AVRational cq) { return mc_av_rescale_q()(a, bq, cq); }

/* libavformat: writing */
MC_POINTER(avformat_alloc_output_context2)
int avformat_alloc_output_context2(AVFormatContext **ctx, const AVOutputFormat *oformat, const char *format_name,
                                   const char *filename) {
    return mc_avformat_alloc_output_context2()(ctx, oformat, format_name, filename);
}
MC_POINTER(avformat_free_context)
void avformat_free_context(AVFormatContext *s) { mc_avformat_free_context()(s); }
MC_POINTER(avio_open)
int avio_open(AVIOContext **s, const char *url, int flags) { return mc_avio_open()(s, url, flags); }
MC_POINTER(avio_closep)
int avio_closep(AVIOContext **s) { return mc_avio_closep()(s); }
MC_POINTER(avformat_new_stream)
AVStream *avformat_new_stream(AVFormatContext *s, const AVCodec *c) { return mc_avformat_new_stream()(s, c); }
MC_POINTER(av_stream_new_side_data)
uint8_t *av_stream_new_side_data(AVStream *stream, enum AVPacketSideDataType type, size_t size) {
    return mc_av_stream_new_side_data()(stream, type, size);
}
MC_POINTER(avformat_write_header)
int avformat_write_header(AVFormatContext *s, AVDictionary **options) { return mc_avformat_write_header()(s, options); }
MC_POINTER(av_interleaved_write_frame)
int av_interleaved_write_frame(AVFormatContext *s, AVPacket *pkt) { return mc_av_interleaved_write_frame()(s, pkt); }
MC_POINTER(av_write_trailer)
int av_write_trailer(AVFormatContext *s) { return mc_av_write_trailer()(s); }
MC_POINTER(av_guess_format)
const AVOutputFormat *av_guess_format(const char *short_name, const char *filename, const char *mime_type) {
    return mc_av_guess_format()(short_name, filename, mime_type);
}
MC_POINTER(avformat_query_codec)
int avformat_query_codec(const AVOutputFormat *ofmt, enum AVCodecID codec_id, int std_compliance) {
    return mc_avformat_query_codec()(ofmt, codec_id, std_compliance);
}

/* libavcodec: encoding and packets */
MC_POINTER(avcodec_find_encoder_by_name)
const AVCodec *avcodec_find_encoder_by_name(const char *name) { return mc_avcodec_find_encoder_by_name()(name); }
MC_POINTER(avcodec_send_frame)
int avcodec_send_frame(AVCodecContext *avctx, const AVFrame *frame) { return mc_avcodec_send_frame()(avctx, frame); }
MC_POINTER(avcodec_receive_packet)
int avcodec_receive_packet(AVCodecContext *avctx, AVPacket *avpkt) { return mc_avcodec_receive_packet()(avctx, avpkt); }
MC_POINTER(avcodec_parameters_copy)
int avcodec_parameters_copy(AVCodecParameters *dst, const AVCodecParameters *src) {
    return mc_avcodec_parameters_copy()(dst, src);
}
MC_POINTER(avcodec_parameters_from_context)
int avcodec_parameters_from_context(AVCodecParameters *par, const AVCodecContext *codec) {
    return mc_avcodec_parameters_from_context()(par, codec);
}
MC_POINTER(av_packet_rescale_ts)
void av_packet_rescale_ts(AVPacket *pkt, AVRational tb_src, AVRational tb_dst) {
    mc_av_packet_rescale_ts()(pkt, tb_src, tb_dst);
}
MC_POINTER(av_packet_ref)
int av_packet_ref(AVPacket *dst, const AVPacket *src) { return mc_av_packet_ref()(dst, src); }
MC_POINTER(av_packet_make_writable)
int av_packet_make_writable(AVPacket *pkt) { return mc_av_packet_make_writable()(pkt); }
MC_POINTER(av_shrink_packet)
void av_shrink_packet(AVPacket *pkt, int size) { mc_av_shrink_packet()(pkt, size); }

/* libavfilter */
MC_POINTER(avfilter_graph_alloc)
AVFilterGraph *avfilter_graph_alloc(void) { return mc_avfilter_graph_alloc()(); }
MC_POINTER(avfilter_graph_free)
void avfilter_graph_free(AVFilterGraph **graph) { mc_avfilter_graph_free()(graph); }
MC_POINTER(avfilter_get_by_name)
const AVFilter *avfilter_get_by_name(const char *name) { return mc_avfilter_get_by_name()(name); }
MC_POINTER(avfilter_graph_create_filter)
int avfilter_graph_create_filter(AVFilterContext **filt_ctx, const AVFilter *filt, const char *name, const char *args,
                                 void *opaque, AVFilterGraph *graph_ctx) {
    return mc_avfilter_graph_create_filter()(filt_ctx, filt, name, args, opaque, graph_ctx);
}
MC_POINTER(avfilter_graph_parse2)
int avfilter_graph_parse2(AVFilterGraph *graph, const char *filters, AVFilterInOut **inputs, AVFilterInOut **outputs) {
    return mc_avfilter_graph_parse2()(graph, filters, inputs, outputs);
}
MC_POINTER(avfilter_inout_free)
void avfilter_inout_free(AVFilterInOut **inout) { mc_avfilter_inout_free()(inout); }
MC_POINTER(avfilter_link)
int avfilter_link(AVFilterContext *src, unsigned srcpad, AVFilterContext *dst, unsigned dstpad) {
    return mc_avfilter_link()(src, srcpad, dst, dstpad);
}
MC_POINTER(avfilter_graph_config)
int avfilter_graph_config(AVFilterGraph *graphctx, void *log_ctx) { return mc_avfilter_graph_config()(graphctx, log_ctx); }
MC_POINTER(av_buffersrc_add_frame_flags)
int av_buffersrc_add_frame_flags(AVFilterContext *buffer_src, AVFrame *frame, int flags) {
    return mc_av_buffersrc_add_frame_flags()(buffer_src, frame, flags);
}
MC_POINTER(av_buffersink_get_frame)
int av_buffersink_get_frame(AVFilterContext *ctx, AVFrame *frame) { return mc_av_buffersink_get_frame()(ctx, frame); }
MC_POINTER(av_buffersink_set_frame_size)
void av_buffersink_set_frame_size(AVFilterContext *ctx, unsigned frame_size) {
    mc_av_buffersink_set_frame_size()(ctx, frame_size);
}
MC_POINTER(av_buffersink_get_type)
enum AVMediaType av_buffersink_get_type(const AVFilterContext *ctx) { return mc_av_buffersink_get_type()(ctx); }
MC_POINTER(av_buffersink_get_time_base)
AVRational av_buffersink_get_time_base(const AVFilterContext *ctx) { return mc_av_buffersink_get_time_base()(ctx); }
MC_POINTER(av_buffersink_get_format)
int av_buffersink_get_format(const AVFilterContext *ctx) { return mc_av_buffersink_get_format()(ctx); }
MC_POINTER(av_buffersink_get_frame_rate)
AVRational av_buffersink_get_frame_rate(const AVFilterContext *ctx) { return mc_av_buffersink_get_frame_rate()(ctx); }
MC_POINTER(av_buffersink_get_w)
int av_buffersink_get_w(const AVFilterContext *ctx) { return mc_av_buffersink_get_w()(ctx); }
MC_POINTER(av_buffersink_get_h)
int av_buffersink_get_h(const AVFilterContext *ctx) { return mc_av_buffersink_get_h()(ctx); }
MC_POINTER(av_buffersink_get_sample_aspect_ratio)
AVRational av_buffersink_get_sample_aspect_ratio(const AVFilterContext *ctx) {
    return mc_av_buffersink_get_sample_aspect_ratio()(ctx);
}
MC_POINTER(av_buffersink_get_sample_rate)
int av_buffersink_get_sample_rate(const AVFilterContext *ctx) { return mc_av_buffersink_get_sample_rate()(ctx); }
MC_POINTER(av_buffersink_get_ch_layout)
int av_buffersink_get_ch_layout(const AVFilterContext *ctx, AVChannelLayout *ch_layout) {
    return mc_av_buffersink_get_ch_layout()(ctx, ch_layout);
}
MC_POINTER(av_color_space_name)
const char *av_color_space_name(enum AVColorSpace space) { return mc_av_color_space_name()(space); }
MC_POINTER(avcodec_descriptor_get_by_name)
const AVCodecDescriptor *avcodec_descriptor_get_by_name(const char *name) {
    return mc_avcodec_descriptor_get_by_name()(name);
}
