"""CPython side of SelectorsBench: the article's selectors echo server, made correct and quiet.

Same shape as chapter 07's SelectorEchoServer: each key's data is its callback (accept, read, write),
recv(1024), a short send keeps the rest and waits for EVENT_WRITE, accept drains the queue, backlog
4096, no per-chunk printing. Binds 127.0.0.1 on the port given (default 0), prints "port N", serves
until its standard input ends. Standard library only. The Java load client drives it, so both servers
are measured by the same client.
"""
import selectors
import socket
import sys

sel = selectors.DefaultSelector()


def accept(sock, mask):
    while True:  # drain the accept queue, as the Java server does
        try:
            conn, _ = sock.accept()
        except BlockingIOError:
            return
        conn.setblocking(False)
        sel.register(conn, selectors.EVENT_READ, read)


def read(conn, mask):
    try:
        data = conn.recv(1024)
    except ConnectionError:
        data = b''
    if not data:
        close(conn)
        return
    try:
        sent = conn.send(data)
    except ConnectionError:
        close(conn)
        return
    if sent < len(data):
        unsent = memoryview(data)[sent:]
        sel.modify(conn, selectors.EVENT_WRITE, lambda c, m: write(c, unsent))


def write(conn, unsent):
    try:
        sent = conn.send(unsent)
    except ConnectionError:
        close(conn)
        return
    rest = unsent[sent:]
    if rest:
        sel.modify(conn, selectors.EVENT_WRITE, lambda c, m: write(c, rest))
    else:
        sel.modify(conn, selectors.EVENT_READ, read)


def close(conn):
    sel.unregister(conn)
    conn.close()


def stop(stdin, mask):
    if not stdin.buffer.read1(1024):
        raise SystemExit(0)


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(('127.0.0.1', port))
    sock.listen(4096)
    sock.setblocking(False)
    sel.register(sock, selectors.EVENT_READ, accept)
    sel.register(sys.stdin, selectors.EVENT_READ, stop)
    print('port', sock.getsockname()[1], flush=True)
    while True:
        for key, mask in sel.select():
            key.data(key.fileobj, mask)


if __name__ == '__main__':
    main()
