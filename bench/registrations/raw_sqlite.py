# The raw engine doing what a registration must do, and nothing else: in one write transaction, draw the register's
# next number from its counter row and insert the document row. N of them from C threads on one SQLite file.
# Usage: python3 raw_sqlite.py <file> <count> <clients>  — prints registrations per second.
import sqlite3, sys, threading, time, uuid
path, count, clients = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
setup = sqlite3.connect(path)
setup.executescript("""PRAGMA journal_mode=WAL;
CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, title TEXT NOT NULL);""")
setup.close()
lock = threading.Lock(); todo = [count]
def client():
    db = sqlite3.connect(path, timeout=60, isolation_level=None)
    while True:
        with lock:
            if todo[0] == 0: return
            todo[0] -= 1
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO counters (key, value) VALUES ('IEN|2026', 0) ON CONFLICT DO NOTHING")
        value = db.execute("UPDATE counters SET value = value + 1 WHERE key = 'IEN|2026' RETURNING value").fetchone()[0]
        db.execute("INSERT INTO documents (id, number, title) VALUES (?, ?, ?)", (str(uuid.uuid4()), f"IEN-2026/{value:04d}", "Iesniegums"))
        db.execute("COMMIT")
started = time.perf_counter()
threads = [threading.Thread(target=client) for _ in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
print(f"{count / (time.perf_counter() - started):.1f}")
