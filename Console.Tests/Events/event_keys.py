# Reference event keys for EventKeyTests: the first 8 bytes, big-endian and signed, of SHA-256 over the id's
# UTF-16LE text, with "#probe" appended past probe 0. Run: python3 Console.Tests/Ingestion/event_keys.py
import hashlib
import struct

for event_id, probe in [("e-1", 0), ("e-1", 1), ("demo-e-00000001", 0), ("订单-42", 0)]:
    text = event_id if probe == 0 else f"{event_id}#{probe}"
    key = struct.unpack(">q", hashlib.sha256(text.encode("utf-16-le")).digest()[:8])[0]
    print(f'[InlineData("{event_id}", {probe}, {key})]')
