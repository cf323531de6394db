"""Open-loop load driver for bench/load/run.sh: a fixed request count at a fixed rate, plus one writer.

Requests are scheduled at t0 + i/rate whatever the server's speed (so a slow server shows up as latency,
not as fewer requests) and sent by a pool of threads over keep-alive connections to 127.0.0.1 only.
"""
import argparse, http.client, http.cookiejar, json, random, re, threading, time, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor

p = argparse.ArgumentParser()
p.add_argument("--port", type=int, required=True)
p.add_argument("--rate", type=float, default=100)
p.add_argument("--duration", type=float, default=60)
p.add_argument("--data")
p.add_argument("--pid")
a = p.parse_args()
HOST = "127.0.0.1"
rng = random.Random(1923)
local = threading.local()

def get(path):
    conn = getattr(local, "conn", None)
    if conn is None:
        conn = local.conn = http.client.HTTPConnection(HOST, a.port, timeout=30)
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
        return r.status, body
    except Exception:
        local.conn = None
        raise

# Identifiers and OAI tokens to draw from, read once before the clock starts.
ids = []
for page in range(1, 6):
    _, body = get(f"/api/search?q=mektup&size=100&page={page}")
    ids += [h["identifier"] for h in json.loads(body)["hits"]]
_, body = get("/api/search?size=100")
ids += [h["identifier"] for h in json.loads(body)["hits"]]
tokens = []
query = "verb=ListRecords&metadataPrefix=oai_dc"
for _ in range(20):
    _, body = get("/oai?" + query)
    m = re.search(rb"<resumptionToken[^>]*>([^<]+)</resumptionToken>", body)
    if not m: break
    tokens.append(m.group(1).decode())
    query = "verb=ListRecords&resumptionToken=" + urllib.parse.quote(tokens[-1], safe="")
words = ["mektup", "fatura", "liman", "incir", "tütün", "kordon", "ticaret", "gemi", "konşimento", "fotoğraf", "İzmir", "pasaport", "uzum", "alsancak", "1923"]

def request_for(i):
    r = rng.random()
    if r < 0.35:
        q = urllib.parse.quote(rng.choice(words))
        return "search", f"/api/search?q={q}" if rng.random() < 0.7 else f"/ara?q={q}"
    if r < 0.65:
        return "record", "/kayit/" + urllib.parse.quote(rng.choice(ids))
    if r < 0.80:
        n = rng.randint(1, 20); x = rng.randrange(0, 1536, 256); y = rng.randrange(0, 1024, 256)
        return "iiif", f"/iiif/3/YUK-{n:02d}~1/{x},{y},256,256/256,/0/default.jpg"
    if tokens and rng.random() < 0.6:
        return "oai", "/oai?verb=ListRecords&resumptionToken=" + urllib.parse.quote(rng.choice(tokens), safe="")
    return "oai", "/oai?verb=ListIdentifiers&metadataPrefix=" + rng.choice(["oai_dc", "edm"])

total = int(a.rate * a.duration)
plan = [request_for(i) for i in range(total)]
results = []  # (kind, status or None, seconds)
lock = threading.Lock()

def run(kind, path, due):
    delay = due - time.monotonic()
    if delay > 0: time.sleep(delay)
    start = time.monotonic()
    try:
        status, _ = get(path)
    except Exception as e:
        status = None
    with lock:
        results.append((kind, status, time.monotonic() - start, path))

# The writer: a cataloguer editing published records through the real forms, one edit every half second.
writer = {"ok": 0, "failed": 0}
stop = threading.Event()
def write():
    jar = http.cookiejar.CookieJar()
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs): return None
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    base = f"http://{HOST}:{a.port}"
    def token(html): return re.search(r'name="__af" value="([^"]+)"', html).group(1).replace("&#x2B;", "+").replace("&#x2F;", "/").replace("&#x3D;", "=")
    def post(path, fields):
        try:
            return opener.open(base + path, urllib.parse.urlencode(fields).encode(), timeout=30).status
        except urllib.error.HTTPError as e:
            return e.code
    html = opener.open(base + "/katalog/giris").read().decode()
    post("/katalog/giris", {"__af": token(html), "kullanici": "yukyazar", "parola": "yuk-testi-parola-1", "returnUrl": "/katalog"})
    n = 0
    while not stop.is_set():
        ident = rng.choice(ids)
        try:
            html = opener.open(base + "/katalog/kayit/" + urllib.parse.quote(ident), timeout=30).read().decode()
            surum = re.search(r'name="surum" value="(\d+)"', html).group(1)
            title = re.search(r'name="baslik"[^>]*value="([^"]*)"', html)
            status = post("/katalog/kayit/" + urllib.parse.quote(ident), {"__af": token(html), "surum": surum,
                          "baslik": f"Yük testi düzeltmesi {n}", "haklar": "http://rightsstatements.org/vocab/InC/1.0/", "duzey": "item", "neden": "yük testi"})
            writer["ok" if status == 302 else "failed"] += 1
        except Exception:
            writer["failed"] += 1
        n += 1
        stop.wait(0.5)

wt = threading.Thread(target=write, daemon=True)
wt.start()
t0 = time.monotonic() + 0.5
with ThreadPoolExecutor(max_workers=48) as pool:
    for i, (kind, path) in enumerate(plan):
        pool.submit(run, kind, path, t0 + i / a.rate)
elapsed = time.monotonic() - t0
stop.set(); wt.join(timeout=35)

def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] * 1000 if values else 0

errors = [r for r in results if r[1] is None or r[1] >= 400]
print(f"requests: {len(results)} in {elapsed:.1f} s ({len(results) / elapsed:.1f}/s offered {a.rate:.0f}/s); errors: {len(errors)} (target 0)")
for kind, status, _, path in errors[:10]:
    print(f"  error: {kind} {status} {path}")
print(f"{'endpoint':<8} {'count':>6} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
for kind in ["search", "record", "iiif", "oai"]:
    rs = [r for r in results if r[0] == kind]
    t = [r[2] for r in rs]
    print(f"{kind:<8} {len(rs):>6} {sum(1 for r in rs if r[1] is None or r[1] >= 400):>6} {pct(t, .5):>8.1f} {pct(t, .95):>8.1f} {max(t) * 1000 if t else 0:>8.1f}")
print(f"writer: {writer['ok']} edits saved, {writer['failed']} failed")
