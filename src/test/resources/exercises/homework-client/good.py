# The tutorial's homework, done right: connect, receive, print, close.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 37777
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(("127.0.0.1", port))
data = s.recv(1024)
print(data)
s.close()
