"""The fixed request mix of bench/site: reads the generated CSVs, builds the same list of addresses every
run (seeded), requests them over one keep-alive connection and prints p50/p95/max per page kind."""
import csv, http.client, json, random, statistics, sys, time, urllib.parse

port, csv_dir, rounds, server_pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
TICKS = __import__("os").sysconf("SC_CLK_TCK")

def server_cpu_ms():
    """User plus system CPU time of the server so far: unlike wall time, it does not grow when other
    processes compete for the cores, so it shows the work a page costs on a busy machine too."""
    with open(f"/proc/{server_pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / TICKS
rng = random.Random(1923)

with open(f"{csv_dir}/records.csv", encoding="utf-8-sig", newline="") as f:
    records = list(csv.DictReader(f))
with open(f"{csv_dir}/authorities.csv", encoding="utf-8-sig", newline="") as f:
    authorities = list(csv.DictReader(f))

def q(path, **params):
    return path + ("?" + urllib.parse.urlencode(params) if params else "")

items = [r for r in records if r["level"] == "item"]
words = [w.strip(".,:;()'\"") for r in rng.sample(items, 300) for w in r["title"].split() if len(w) > 4]
mix = {"anchor": ["/robots.txt"] * 100}
mix["record"] = [f"/kayit/{urllib.parse.quote(r['identifier'])}" for r in rng.sample(items, 150)] \
    + [f"/en/record/{urllib.parse.quote(r['identifier'])}" for r in rng.sample(items, 50)] \
    + [f"/kayit/{urllib.parse.quote(r['identifier'])}" for r in records if r["level"] in ("fonds", "series")][:10]
searches = [q("/ara", q=w) for w in rng.sample(words, 80)]
searches += [q("/ara", q=f"{a} {b}") for a, b in zip(rng.sample(words, 30), rng.sample(words, 30))]
searches += [q("/ara", q=rng.choice(words), sort="date") for _ in range(20)]
searches += [q("/ara", decade=str(d), sort="date") for d in range(1880, 1970, 10)]
searches += [q("/en/search", q=rng.choice(words), axis="liman") for _ in range(20)]
searches += [q("/ara", q=rng.choice(words), page="2") for _ in range(20)]
searches += ["/ara"] * 10
mix["search"] = searches
persons = [a["name"] for a in authorities if a["kind"] == "person"]
mix["browse"] = ["/", "/en", "/fonlar", "/onyillar", "/sokaklar", "/en/streets", q("/sokaklar", q="kordon"), "/sitemap.xml"] * 5

conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

def get(path, headers=None):
    start = time.perf_counter()
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    body = response.read()
    return (time.perf_counter() - start) * 1000, response, body

# Authority pages: the slug addresses the site links to, found from a search for each sampled person.
slugs = []
for name in rng.sample(persons, 60):
    _, response, body = get(q("/api/authorities", q=name, kind="person"))
    results = json.loads(body)["results"]
    if results:
        # The identifier address answers 301 with the canonical slug address.
        _, response, _ = get("/kisi/" + urllib.parse.quote(results[0]["id"]))
        location = response.getheader("Location")
        if location: slugs.append(location)
if not slugs: sys.exit("no authority address found through /api/authorities; is the server ready?")
mix["authority"] = slugs

timings = {kind: [] for kind in mix}
cpu = {kind: 0.0 for kind in mix}
for round_no in range(rounds):
    for kind, paths in mix.items():
        before = server_cpu_ms()
        for path in paths:
            ms, response, _ = get(path)
            if response.status != 200:
                sys.exit(f"GET {path}: HTTP {response.status}")
            if round_no > 0: timings[kind].append(ms)
        if round_no > 0: cpu[kind] += server_cpu_ms() - before

# Revalidation: a client that holds a record page's ETag gets 304 without the page being rendered.
revalidate = []
cpu["record 304"] = 0.0
for path in mix["record"][:100]:
    _, response, _ = get(path)
    tag = response.getheader("ETag")
    before = server_cpu_ms()
    ms, response, _ = get(path, {"If-None-Match": tag})
    cpu["record 304"] += server_cpu_ms() - before
    if response.status != 304: sys.exit(f"GET {path} with its ETag: HTTP {response.status}")
    revalidate.append(ms)
timings["record 304"] = revalidate

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

anchor = statistics.median(timings["anchor"])
load = open("/proc/loadavg").read().split()[0]
print(f"load average during the run: {load} on {__import__('os').cpu_count()} cores")
print(f"{'page kind':<12} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'p95/anchor p50':>15} {'server CPU ms/req':>18}")
for kind, values in timings.items():
    print(f"{kind:<12} {len(values):>8} {pct(values, 50):>8.2f} {pct(values, 95):>8.2f} {max(values):>8.2f} "
          f"{pct(values, 95) / anchor:>15.1f} {cpu[kind] / len(values):>18.2f}")
worst = max(pct(timings["record"], 95), pct(timings["search"], 95))
print(f"record and search p95 {'within' if worst < 50 else 'ABOVE'} the 50 ms target ({worst:.2f} ms)")
