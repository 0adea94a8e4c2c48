/* brt C API: load a .byre artifact and run it from C or any FFI.
 *
 *   brt_session *session;
 *   if (brt_session_load("model.byre", &session) != BRT_OK) puts(brt_last_error());
 *   brt_request *request;
 *   brt_request_create(session, &request);
 *   brt_request_bind_input(request, 0, x, x_bytes);
 *   brt_request_bind_output(request, 0, y, y_bytes);
 *   brt_request_run(request);
 *   brt_request_free(request);
 *   brt_session_free(session);
 *
 * Every function returns BRT_OK or an error code; brt_last_error() then describes
 * the error of the calling thread's last failed call. A session may be shared by
 * threads; a request is used by one thread at a time. Buffers are C-order arrays of
 * the artifact's dtype and shape (query them with brt_session_*_info).
 */
#ifndef BRT_C_API_H
#define BRT_C_API_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define BRT_API __attribute__((visibility("default")))
#else
#define BRT_API
#endif

typedef enum brt_status {
  BRT_OK = 0,
  BRT_INVALID_ARGUMENT = 1,
  BRT_NOT_FOUND = 2,
  BRT_IO_ERROR = 3,
  BRT_CORRUPT = 4,
  BRT_UNSUPPORTED = 5,
  BRT_OUT_OF_RANGE = 6,
  BRT_RESOURCE_EXHAUSTED = 7,
  BRT_INTERNAL = 8
} brt_status;

/* Element types; the values are those of the artifact format. */
typedef enum brt_dtype {
  BRT_F16 = 1, BRT_BF16 = 2, BRT_F32 = 3, BRT_F64 = 4, BRT_BOOL = 5,
  BRT_I8 = 6, BRT_I16 = 7, BRT_I32 = 8, BRT_I64 = 9,
  BRT_U8 = 10, BRT_U16 = 11, BRT_U32 = 12, BRT_U64 = 13
} brt_dtype;

typedef struct brt_session brt_session;
typedef struct brt_request brt_request;

/* The calling thread's last error message ("" if none). Valid until its next call. */
BRT_API const char *brt_last_error(void);

BRT_API brt_status brt_session_load(const char *path, brt_session **session);
BRT_API void brt_session_free(brt_session *session);

BRT_API size_t brt_session_num_inputs(const brt_session *session);
BRT_API size_t brt_session_num_outputs(const brt_session *session);
/* Name, dtype, rank and dims (owned by the session) of input or output `index`. */
BRT_API brt_status brt_session_input_info(const brt_session *session, size_t index,
                                  const char **name, brt_dtype *dtype, size_t *rank,
                                  const int64_t **dims);
BRT_API brt_status brt_session_output_info(const brt_session *session, size_t index,
                                   const char **name, brt_dtype *dtype, size_t *rank,
                                   const int64_t **dims);

BRT_API brt_status brt_request_create(const brt_session *session, brt_request **request);
BRT_API void brt_request_free(brt_request *request);
/* `bytes` must equal the argument's size; the memory must outlive brt_request_run. */
BRT_API brt_status brt_request_bind_input(brt_request *request, size_t index, const void *data,
                                  size_t bytes);
BRT_API brt_status brt_request_bind_output(brt_request *request, size_t index, void *data,
                                   size_t bytes);
/* Runs synchronously; every input and output must be bound. */
BRT_API brt_status brt_request_run(brt_request *request);

#ifdef __cplusplus
}
#endif

#endif /* BRT_C_API_H */
