"""What a phone's authenticator app shows: RFC 6238 itself (HMAC-SHA1, 30-second steps, six
digits), not allauth's own functions, so that tests check allauth against the standard."""

import base64
import hashlib
import hmac
import struct
import time


def authenticator_app_code(secret, at=None):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"
