/*
 * Optional Node-API addon: AES-256-IGE with AES-NI, both directions, and AES-256-CTR blocks.
 * IGE decryption is inherently sequential (each block's input depends on the previous plaintext),
 * so neither node:crypto nor a JS batching trick can speed it up; one AES-NI round chain per block
 * can. The addon is never required: mtkit falls back to JS when it is missing or the CPU lacks
 * AES-NI (`supported` is false). IGE: https://core.telegram.org/mtproto/description
 *
 * exports.supported: boolean
 * exports.igeEncrypt(data, key32, iv32, out) / exports.igeDecrypt(...): writes `out` (same length as data).
 * exports.ctrXor(data, out, key32, counter16, keystream16): out = data XOR the CTR keystream from
 *   `counter` (big-endian 128-bit, advanced in place by one per block started); when data ends inside
 *   a block, that block's keystream is left in `keystream` for the caller's next call. node:crypto's
 *   own CTR costs ~1.5 us per call in Cipher.update for 1 KiB obfuscated packets
 *   (https://core.telegram.org/mtproto/mtproto-transports#transport-obfuscation); this call costs far less.
 */
#include <node_api.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define MTKIT_X86 1
#define AESNI __attribute__((target("aes,sse4.1")))

AESNI static __m128i expand_step1(__m128i key, __m128i assist) {
  assist = _mm_shuffle_epi32(assist, 0xff);
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  return _mm_xor_si128(key, assist);
}

AESNI static __m128i expand_step2(__m128i key, __m128i other) {
  __m128i assist = _mm_shuffle_epi32(_mm_aeskeygenassist_si128(other, 0x00), 0xaa);
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  return _mm_xor_si128(key, assist);
}

/* FIPS-197 key expansion for 256-bit keys: 15 round keys. */
AESNI static void expand_key256(const uint8_t *key, __m128i rk[15]) {
  rk[0] = _mm_loadu_si128((const __m128i *)key);
  rk[1] = _mm_loadu_si128((const __m128i *)(key + 16));
#define STEP(i, rcon)                                                         \
  rk[i] = expand_step1(rk[i - 2], _mm_aeskeygenassist_si128(rk[i - 1], rcon)); \
  if (i + 1 < 15) rk[i + 1] = expand_step2(rk[i - 1], rk[i]);
  STEP(2, 0x01) STEP(4, 0x02) STEP(6, 0x04) STEP(8, 0x08) STEP(10, 0x10) STEP(12, 0x20) STEP(14, 0x40)
#undef STEP
}

AESNI static void ige_encrypt(const uint8_t *in, uint8_t *out, size_t n, const uint8_t *key, const uint8_t *iv) {
  __m128i rk[15];
  expand_key256(key, rk);
  __m128i c_prev = _mm_loadu_si128((const __m128i *)iv);
  __m128i m_prev = _mm_loadu_si128((const __m128i *)(iv + 16));
  for (size_t i = 0; i < n; i += 16) {
    __m128i m = _mm_loadu_si128((const __m128i *)(in + i));
    __m128i s = _mm_xor_si128(_mm_xor_si128(m, c_prev), rk[0]);
    for (int r = 1; r < 14; r++) s = _mm_aesenc_si128(s, rk[r]);
    s = _mm_aesenclast_si128(s, rk[14]);
    c_prev = _mm_xor_si128(s, m_prev);
    _mm_storeu_si128((__m128i *)(out + i), c_prev);
    m_prev = m;
  }
}

AESNI static void ige_decrypt(const uint8_t *in, uint8_t *out, size_t n, const uint8_t *key, const uint8_t *iv) {
  __m128i ek[15], dk[15];
  expand_key256(key, ek);
  dk[0] = ek[14];
  for (int r = 1; r < 14; r++) dk[r] = _mm_aesimc_si128(ek[14 - r]);
  dk[14] = ek[0];
  __m128i c_prev = _mm_loadu_si128((const __m128i *)iv);
  __m128i m_prev = _mm_loadu_si128((const __m128i *)(iv + 16));
  for (size_t i = 0; i < n; i += 16) {
    __m128i c = _mm_loadu_si128((const __m128i *)(in + i));
    __m128i s = _mm_xor_si128(_mm_xor_si128(c, m_prev), dk[0]);
    for (int r = 1; r < 14; r++) s = _mm_aesdec_si128(s, dk[r]);
    s = _mm_aesdeclast_si128(s, dk[14]);
    m_prev = _mm_xor_si128(s, c_prev);
    _mm_storeu_si128((__m128i *)(out + i), m_prev);
    c_prev = c;
  }
}

static uint64_t load_be64(const uint8_t *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return __builtin_bswap64(v);
}

static void store_be64(uint8_t *p, uint64_t v) {
  v = __builtin_bswap64(v);
  memcpy(p, &v, 8);
}

AESNI static inline __m128i counter_block(uint64_t hi, uint64_t lo) {
  return _mm_set_epi64x((long long)__builtin_bswap64(lo), (long long)__builtin_bswap64(hi));
}

/* One 128-bit big-endian increment, as OpenSSL's CTR does. */
#define CTR_NEXT(hi, lo) \
  if (++(lo) == 0) ++(hi)

AESNI static void ctr_xor(const uint8_t *in, uint8_t *out, size_t n, const uint8_t *key, uint8_t *counter, uint8_t *keystream) {
  __m128i rk[15];
  expand_key256(key, rk);
  uint64_t hi = load_be64(counter), lo = load_be64(counter + 8);
  size_t i = 0;
  /* Four independent blocks per iteration keep the AES units busy (aesenc latency > throughput). */
  for (; i + 64 <= n; i += 64) {
    __m128i s[4];
    for (int b = 0; b < 4; b++) {
      s[b] = _mm_xor_si128(counter_block(hi, lo), rk[0]);
      CTR_NEXT(hi, lo);
    }
    for (int r = 1; r < 14; r++)
      for (int b = 0; b < 4; b++) s[b] = _mm_aesenc_si128(s[b], rk[r]);
    for (int b = 0; b < 4; b++) {
      __m128i m = _mm_loadu_si128((const __m128i *)(in + i + 16 * b));
      _mm_storeu_si128((__m128i *)(out + i + 16 * b), _mm_xor_si128(m, _mm_aesenclast_si128(s[b], rk[14])));
    }
  }
  for (; i < n; i += 16) {
    __m128i s = _mm_xor_si128(counter_block(hi, lo), rk[0]);
    CTR_NEXT(hi, lo);
    for (int r = 1; r < 14; r++) s = _mm_aesenc_si128(s, rk[r]);
    s = _mm_aesenclast_si128(s, rk[14]);
    if (i + 16 <= n) {
      _mm_storeu_si128((__m128i *)(out + i), _mm_xor_si128(_mm_loadu_si128((const __m128i *)(in + i)), s));
    } else {
      _mm_storeu_si128((__m128i *)keystream, s);
      for (size_t j = 0; i + j < n; j++) out[i + j] = in[i + j] ^ keystream[j];
    }
  }
  store_be64(counter, hi);
  store_be64(counter + 8, lo);
}

static int cpu_has_aesni(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("aes") && __builtin_cpu_supports("sse4.1");
}
#else
static int cpu_has_aesni(void) { return 0; }
#endif

typedef struct {
  uint8_t *data;
  size_t length;
} bytes_arg;

static int get_bytes(napi_env env, napi_value value, bytes_arg *out) {
  napi_typedarray_type type;
  size_t length;
  void *data;
  napi_value buffer;
  size_t offset;
  if (napi_get_typedarray_info(env, value, &type, &length, &data, &buffer, &offset) != napi_ok) return 0;
  if (type != napi_uint8_array) return 0;
  out->data = (uint8_t *)data;
  out->length = length;
  return 1;
}

static napi_value run(napi_env env, napi_callback_info info, int decrypt) {
  size_t argc = 4;
  napi_value argv[4];
  bytes_arg data, key, iv, out;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 4 || !get_bytes(env, argv[0], &data) ||
      !get_bytes(env, argv[1], &key) || !get_bytes(env, argv[2], &iv) || !get_bytes(env, argv[3], &out) ||
      key.length != 32 || iv.length != 32 || data.length % 16 != 0 || out.length != data.length) {
    napi_throw_range_error(env, NULL, "igeEncrypt/igeDecrypt(data % 16, key 32, iv 32, out same length)");
    return NULL;
  }
#ifdef MTKIT_X86
  if (cpu_has_aesni()) {
    if (decrypt) ige_decrypt(data.data, out.data, data.length, key.data, iv.data);
    else ige_encrypt(data.data, out.data, data.length, key.data, iv.data);
    return NULL;
  }
#endif
  napi_throw_error(env, NULL, "AES-NI is not available");
  return NULL;
}

static napi_value ige_encrypt_js(napi_env env, napi_callback_info info) { return run(env, info, 0); }
static napi_value ige_decrypt_js(napi_env env, napi_callback_info info) { return run(env, info, 1); }

static napi_value ctr_xor_js(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  bytes_arg data, out, key, counter, keystream;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 5 || !get_bytes(env, argv[0], &data) ||
      !get_bytes(env, argv[1], &out) || !get_bytes(env, argv[2], &key) || !get_bytes(env, argv[3], &counter) ||
      !get_bytes(env, argv[4], &keystream) || out.length != data.length || key.length != 32 || counter.length != 16 ||
      keystream.length != 16) {
    napi_throw_range_error(env, NULL, "ctrXor(data, out same length, key 32, counter 16, keystream 16)");
    return NULL;
  }
#ifdef MTKIT_X86
  if (cpu_has_aesni()) {
    ctr_xor(data.data, out.data, data.length, key.data, counter.data, keystream.data);
    return NULL;
  }
#endif
  napi_throw_error(env, NULL, "AES-NI is not available");
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_value fn, supported;
  napi_create_function(env, "igeEncrypt", NAPI_AUTO_LENGTH, ige_encrypt_js, NULL, &fn);
  napi_set_named_property(env, exports, "igeEncrypt", fn);
  napi_create_function(env, "igeDecrypt", NAPI_AUTO_LENGTH, ige_decrypt_js, NULL, &fn);
  napi_set_named_property(env, exports, "igeDecrypt", fn);
  napi_create_function(env, "ctrXor", NAPI_AUTO_LENGTH, ctr_xor_js, NULL, &fn);
  napi_set_named_property(env, exports, "ctrXor", fn);
  napi_get_boolean(env, cpu_has_aesni(), &supported);
  napi_set_named_property(env, exports, "supported", supported);
  return exports;
}
