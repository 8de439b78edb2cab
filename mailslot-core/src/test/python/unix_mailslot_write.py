"""Write messages to a mailslot of the unix transport from Python, with the standard library only.

    python3 unix_mailslot_write.py '\\.\mailslot\sample_mailslot' 'Message one for mailslot.' ...

The sockets are in $MAILSLOT_UNIX_DIRECTORY, or else /tmp/mailslot-<uid> of the server's user.
"""
import hashlib
import os
import socket
import struct
import sys
import time


def socket_name(mailslot):
    """Map a mailslot name to its socket's file name, as the unix transport documents."""
    prefix = "\\\\.\\mailslot\\"
    if mailslot.lower().startswith(prefix):
        mailslot = mailslot[len(prefix):]
    encoded = "".join(
        chr(b) if 0x21 <= b <= 0x7E and chr(b) not in "%\\/" else "%%%02X" % b
        for b in mailslot.lower().encode("utf-8"))
    if len(encoded) <= 60:
        return encoded
    return encoded[:43] + "~" + hashlib.sha256(encoded.encode("ascii")).hexdigest()[:16]


def receive(slot, size):
    data = b""
    while len(data) < size:
        chunk = slot.recv(size - len(data))
        if not chunk:
            raise ConnectionError("the mailslot's server ended the connection")
        data += chunk
    return data


def main(mailslot, messages):
    directory = os.environ.get("MAILSLOT_UNIX_DIRECTORY") or "/tmp/mailslot-%d" % os.getuid()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as slot:
        slot.connect(os.path.join(directory, socket_name(mailslot)))
        magic, max_size = struct.unpack(">4sI", receive(slot, 8))
        if magic != b"MSL2":
            raise ConnectionError("what answered is not a mailslot server of the unix transport")
        credit = credit_bytes = 0
        for message in messages:
            data = message.encode("utf-8")
            if len(data) > max_size:
                raise ValueError("%d bytes is over the mailslot's maximum of %d" % (len(data), max_size))
            while credit < 1 or credit_bytes < len(data) + 32:
                slot.sendall(struct.pack(">Iq", 0x80000000, len(data)))
                more, more_bytes = struct.unpack(">II", receive(slot, 8))
                credit, credit_bytes = credit + more, credit_bytes + more_bytes
            slot.sendall(struct.pack(">Iq", len(data), time.monotonic_ns()) + data)
            credit, credit_bytes = credit - 1, credit_bytes - len(data) - 32

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
