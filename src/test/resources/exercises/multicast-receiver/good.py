# A multicast receiver done right: bind the group's port, join the group, print what arrives.
import socket
import struct
import sys

group = "239.255.0.1"
port = int(sys.argv[1]) if len(sys.argv) > 1 else 37781
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((group, port))
mreq = struct.pack("4s4s", socket.inet_aton(group), socket.inet_aton("0.0.0.0"))
s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
while True:
    data, addr = s.recvfrom(1024)
    print(data.decode().strip(), "from", addr)
