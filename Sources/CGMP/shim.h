// Shims for GMP's rational (mpq) API.
//
// GMP names its functions through C macros (`mpq_add` is `#define mpq_add __gmpq_add`,
// `mpq_numref` is a pure macro), which Swift cannot import. Each shim below is a
// `static inline` function that calls exactly one macro, so the Swift side sees
// ordinary functions and pays no call overhead. The prefetch shims below do the same for
// the compiler's `__builtin_prefetch`, which Swift has no spelling for.
#ifndef PBCOUNT_CGMP_SHIM_H
#define PBCOUNT_CGMP_SHIM_H

#include <gmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// Asks the processor to bring the digits of `z` into the cache ahead of a write to them
/// (`pb_mpz_prefetch_write`) or a read (`pb_mpz_prefetch_read`); the value is unchanged.
static inline void pb_mpz_prefetch_write(mpz_srcptr z) { __builtin_prefetch(z->_mp_d, 1, 3); }
static inline void pb_mpz_prefetch_read(mpz_srcptr z) { __builtin_prefetch(z->_mp_d, 0, 3); }
/// Asks the processor to bring the memory at `p` into the cache ahead of a read.
static inline void pb_prefetch_read(const void *p) { __builtin_prefetch(p, 0, 3); }
/// Asks the processor to bring the memory at `p` into the cache ahead of a write.
static inline void pb_prefetch_write(const void *p) { __builtin_prefetch(p, 1, 3); }

static inline void pb_mpq_init(mpq_ptr q) { mpq_init(q); }
static inline void pb_mpq_clear(mpq_ptr q) { mpq_clear(q); }
static inline void pb_mpq_set(mpq_ptr r, mpq_srcptr a) { mpq_set(r, a); }
static inline void pb_mpq_canonicalize(mpq_ptr q) { mpq_canonicalize(q); }
static inline void pb_mpq_add(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_add(r, a, b); }
static inline void pb_mpq_sub(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_sub(r, a, b); }
static inline void pb_mpq_mul(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_mul(r, a, b); }
static inline void pb_mpq_div(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_div(r, a, b); }
static inline void pb_mpq_neg(mpq_ptr r, mpq_srcptr a) { mpq_neg(r, a); }
static inline void pb_mpq_inv(mpq_ptr r, mpq_srcptr a) { mpq_inv(r, a); }
static inline int pb_mpq_cmp(mpq_srcptr a, mpq_srcptr b) { return mpq_cmp(a, b); }
static inline int pb_mpq_sgn(mpq_srcptr a) { return mpq_sgn(a); }
static inline int pb_mpq_equal(mpq_srcptr a, mpq_srcptr b) { return mpq_equal(a, b); }

/// Sets `q` to `num/den` from two 64-bit integers and canonicalizes it.
static inline void pb_mpq_set_i64(mpq_ptr q, int64_t num, int64_t den) {
    // mpz_set_si takes a `long`, which is 64 bits on every platform pbcount supports (LP64).
    mpz_set_si(mpq_numref(q), (long)num);
    mpz_set_si(mpq_denref(q), (long)den);
    mpq_canonicalize(q);
}

/// Sets `q` from a decimal string "num/den" or "num" in base 10. Returns 0 on success.
static inline int pb_mpq_set_str(mpq_ptr q, const char *text) {
    int rc = mpq_set_str(q, text, 10);
    if (rc == 0) mpq_canonicalize(q);
    return rc;
}

/// Whether numerator and denominator both fit in int64_t.
static inline int pb_mpq_fits_i64(mpq_srcptr q) {
    return mpz_fits_slong_p(mpq_numref(q)) && mpz_fits_slong_p(mpq_denref(q));
}
static inline int64_t pb_mpq_num_i64(mpq_srcptr q) { return (int64_t)mpz_get_si(mpq_numref(q)); }
static inline int64_t pb_mpq_den_i64(mpq_srcptr q) { return (int64_t)mpz_get_si(mpq_denref(q)); }

/// Numerator and denominator in base 10; the caller frees the result with `free`.
static inline char *pb_mpq_num_str(mpq_srcptr q) { return mpz_get_str(NULL, 10, mpq_numref(q)); }
static inline char *pb_mpq_den_str(mpq_srcptr q) { return mpz_get_str(NULL, 10, mpq_denref(q)); }

/// floor(q) as a decimal string; the caller frees the result with `free`.
static inline char *pb_mpq_floor_str(mpq_srcptr q) {
    mpz_t f;
    mpz_init(f);
    mpz_fdiv_q(f, mpq_numref(q), mpq_denref(q));
    char *s = mpz_get_str(NULL, 10, f);
    mpz_clear(f);
    return s;
}

/// floor(q * 2^64) for q >= 0 as two 64-bit words (`hi`: the integer part, `lo`: the
/// first 64 bits of the fraction), saturated to all ones when the integer part needs more
/// than 64 bits.
static inline void pb_mpq_fixed64(mpq_srcptr q, uint64_t *hi, uint64_t *lo) {
    mpz_t t;
    mpz_init(t);
    mpz_mul_2exp(t, mpq_numref(q), 64);
    mpz_fdiv_q(t, t, mpq_denref(q));
    if (mpz_sizeinbase(t, 2) > 128) {
        *hi = UINT64_MAX;
        *lo = UINT64_MAX;
    } else {
        uint64_t words[2] = {0, 0};
        size_t count = 0;
        mpz_export(words, &count, -1, sizeof(uint64_t), 0, 0, t);  // least significant word first
        *lo = words[0];
        *hi = words[1];
    }
    mpz_clear(t);
}

/// Sets `r` to floor(q) (an integer-valued rational).
static inline void pb_mpq_floor(mpq_ptr r, mpq_srcptr q) {
    mpz_t f;
    mpz_init(f);
    mpz_fdiv_q(f, mpq_numref(q), mpq_denref(q));
    mpq_set_z(r, f);
    mpz_clear(f);
}

static inline void pb_free(void *p) { free(p); }

/// `q` rounded to `places` decimal places (half away from zero), as a string such as
/// "-12.50"; the caller frees the result with `free`.
static inline char *pb_mpq_decimal_str(mpq_srcptr q, unsigned long places) {
    mpz_t scaled, scale, rem;
    mpz_inits(scaled, scale, rem, NULL);
    mpz_ui_pow_ui(scale, 10, places);
    mpz_abs(scaled, mpq_numref(q));
    mpz_mul(scaled, scaled, scale);
    /* round half up on the magnitude: floor((2*|n|*10^p + d) / (2*d)) */
    mpz_mul_2exp(scaled, scaled, 1);
    mpz_add(scaled, scaled, mpq_denref(q));
    mpz_mul_2exp(rem, mpq_denref(q), 1);
    mpz_fdiv_q(scaled, scaled, rem);
    char *digits = mpz_get_str(NULL, 10, scaled);
    size_t len = strlen(digits);
    int negative = mpq_sgn(q) < 0 && mpz_sgn(scaled) != 0;
    size_t intLen = len > places ? len - places : 1;
    size_t total = (negative ? 1 : 0) + intLen + (places ? 1 + places : 0) + 1;
    char *out = (char *)malloc(total);
    size_t k = 0;
    if (negative) out[k++] = '-';
    if (len > places) {
        memcpy(out + k, digits, len - places); k += len - places;
    } else {
        out[k++] = '0';
    }
    if (places) {
        out[k++] = '.';
        size_t frac = len > places ? places : len;
        for (size_t i = frac; i < places; i++) out[k++] = '0';
        memcpy(out + k, digits + (len - frac), frac); k += frac;
    }
    out[k] = 0;
    free(digits);
    mpz_clears(scaled, scale, rem, NULL);
    return out;
}

#endif
