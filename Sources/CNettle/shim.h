// Shims for Nettle's SHA-256, the input hash that every result records.
//
// Why Nettle: it is GMP's sibling (GNU, LGPL, on every Debian/Ubuntu system as
// libnettle8, headers in nettle-dev), its SHA-256 state is a plain C struct with no
// pointers (copying it copies the hash, so the Swift wrapper is an ordinary value type
// with no deinit), and its SHA-256 functions are current API. OpenSSL's libcrypto would
// do the job too, but its plain `SHA256_Init`/`SHA256_Update` are deprecated since 3.0
// and its replacement (EVP) keeps the state behind a heap pointer that needs freeing.
// swift-crypto, used before, compiled all of BoringSSL for this one hash.
//
// Nettle names its functions through C macros (`sha256_update` is
// `#define sha256_update nettle_sha256_update`), and Nettle 4 drops the length argument
// of `sha256_digest`; each shim below calls exactly one of them, so the Swift side sees
// one stable set of ordinary functions and pays no call overhead.
#ifndef PBCOUNT_CNETTLE_SHIM_H
#define PBCOUNT_CNETTLE_SHIM_H

#include <nettle/sha2.h>
#include <nettle/version.h>
#include <stddef.h>
#include <stdint.h>

/// Bytes in a SHA-256 digest.
static const size_t pb_sha256_digest_size = SHA256_DIGEST_SIZE;

static inline void pb_sha256_init(struct sha256_ctx *ctx) { sha256_init(ctx); }

static inline void pb_sha256_update(struct sha256_ctx *ctx, size_t length, const uint8_t *data) {
    sha256_update(ctx, length, data);
}

/// Writes the 32-byte digest to `digest` and resets `ctx` to the empty message.
static inline void pb_sha256_digest(struct sha256_ctx *ctx, uint8_t *digest) {
#if NETTLE_VERSION_MAJOR >= 4
    sha256_digest(ctx, digest);
#else
    sha256_digest(ctx, SHA256_DIGEST_SIZE, digest);
#endif
}

#endif
