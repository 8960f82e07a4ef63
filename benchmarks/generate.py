"""Seeded, reproducible generator of realistic job postings for benchmarks.

    python benchmarks/generate.py N OUT_DIR [--seed S]

writes N postings as ``.txt`` (scraped style, with job-board chrome), ``.md`` and ``.html`` (a full
page with scripts, navigation, cookie banner and footer) into OUT_DIR, plus ``manifest.jsonl`` with
what each posting states (title, company, places, pay, type, requisition id), so extraction can be
scored on them. The same N and seed always give byte-identical files.

Postings vary in company, role family, seniority, location (US, Canada, UK, Europe, India, remote),
pay format (annual ranges with en dash / hyphen / "to", "120k-150k", hourly, monthly, other
currencies and number formats, "competitive", none), section names and order, bullet style,
length, and chrome (English or foreign-language board UI, scam warnings, footers).
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

COMPANY_HEADS = (
    "Acorn Arbor Aster Beacon Birch Bluefin Brightwave Cedar Cinder Cobalt Comet Copper Crescent Delta Ember "
    "Evergreen Falcon Fjord Granite Harbor Helix Horizon Indigo Ironwood Juniper Kelvin Lumen Maple Meridian "
    "Monarch Nimbus Northstar Oakridge Onyx Orchid Pioneer Prism Quartz Redwood Sable Sierra Solstice Summit "
    "Tandem Tidewater Timber Vantage Verity Willow Zenlith"
).split()
COMPANY_TAILS = (
    "Analytics", "Robotics", "Health", "Labs", "Logistics", "Software", "Pay", "Energy", "Insurance", "Mobility",
    "Media", "Systems", "Bank", "Foods", "Security", "Learning", "Retail Group", "Medical Center", "Technologies",
)
LEGAL = ("", "", "", " Inc", " Ltd", " GmbH", " LLC")

# (role, family, remote-friendly)
ROLES = (
    ("Data Scientist", "data", True), ("Machine Learning Engineer", "ml", True), ("Backend Engineer", "eng", True),
    ("Frontend Engineer", "eng", True), ("Data Engineer", "data", True), ("DevOps Engineer", "eng", True),
    ("Product Manager", "product", True), ("Product Designer", "design", True), ("Technical Writer", "writing", True),
    ("Account Executive", "sales", False), ("Customer Support Specialist", "support", True),
    ("Registered Nurse", "nursing", False), ("Warehouse Associate", "ops", False), ("Data Analyst", "data", True),
    ("Site Reliability Engineer", "eng", True), ("Security Engineer", "eng", True),
)
SENIORITY = ("Junior", "", "", "", "Senior", "Senior", "Staff", "Principal", "Lead")
QUALIFIERS = {
    "data": (", Pricing", ", Marketing Analytics", ", Growth", " – Forecasting"),
    "ml": (" – Search", ", Perception", ", Recommendations", " (NLP)"),
    "eng": (", Payments", ", Platform", " (Go)", " – Core Platform", " (Python)", ", Developer Experience"),
    "product": (", Growth", ", Payments", " – Rider Experience"),
    "design": (" II", ", Mobile", ", Design Systems"),
    "writing": (", Developer Documentation", ", API Docs"),
    "sales": (", Mid-Market", ", Enterprise", " – EMEA"),
    "support": (" (English/Spanish)", ", Tier 2", " – Weekends"),
    "nursing": (" – ICU", " – Night Shift", " – Home Health"),
    "ops": (" – Part-Time", " (Weekends)", " – Night Shift"),
}
# (place line, currency, country code, region)
PLACES = (
    ("San Francisco, CA", "USD", "US"), ("New York, NY", "USD", "US"), ("Austin, TX", "USD", "US"),
    ("Seattle, WA", "USD", "US"), ("Chicago, IL", "USD", "US"), ("Denver, CO", "USD", "US"),
    ("Boston, MA", "USD", "US"), ("Toronto, ON", "CAD", "CA"), ("Vancouver, BC", "CAD", "CA"),
    ("Montreal, QC", "CAD", "CA"), ("London, UK", "GBP", "GB"), ("Manchester, UK", "GBP", "GB"),
    ("Edinburgh, UK", "GBP", "GB"), ("Berlin, Germany", "EUR", "DE"), ("Munich, Germany", "EUR", "DE"),
    ("Amsterdam, Netherlands", "EUR", "NL"), ("Dublin, Ireland", "EUR", "IE"), ("Madrid, Spain", "EUR", "ES"),
    ("Bengaluru, India", "INR", "IN"), ("Hyderabad, India", "INR", "IN"), ("Remote (United States)", "USD", "US"),
    ("Remote (Canada)", "CAD", "CA"), ("Remote (UK)", "GBP", "GB"), ("Remote (EU)", "EUR", "DE"),
)
SYMBOL = {"USD": "$", "CAD": "$", "GBP": "£", "EUR": "€", "INR": "₹"}
# yearly base ranges per family, in thousands of USD (scaled per currency below)
PAY_BANDS = {
    "data": (95, 190), "ml": (120, 240), "eng": (100, 210), "product": (110, 200), "design": (90, 160),
    "writing": (70, 130), "sales": (60, 110), "support": (35, 60), "nursing": (70, 120), "ops": (30, 45),
}
CURRENCY_SCALE = {"USD": 1.0, "CAD": 1.15, "GBP": 0.6, "EUR": 0.7, "INR": 25.0}

TOOLS = {
    "data": ["Python", "SQL", "pandas", "scikit-learn", "dbt", "Snowflake", "BigQuery", "Spark", "Looker", "R"],
    "ml": ["Python", "PyTorch", "TensorFlow", "JAX", "Kubernetes", "Ray", "MLflow", "Triton", "ONNX", "CUDA"],
    "eng": ["Go", "Java", "Kotlin", "Python", "PostgreSQL", "Kafka", "Redis", "AWS", "Terraform", "gRPC"],
    "product": ["Amplitude", "SQL", "Jira", "Figma", "Mixpanel", "Looker"],
    "design": ["Figma", "Framer", "Sketch", "Maze", "Storybook"],
    "writing": ["Markdown", "Git", "Docusaurus", "OpenAPI", "Python", "TypeScript"],
    "sales": ["Salesforce", "HubSpot", "Gong", "Outreach", "LinkedIn Sales Navigator"],
    "support": ["Zendesk", "Intercom", "Jira", "Slack"],
    "nursing": ["Epic", "Cerner", "BLS", "ACLS", "PALS"],
    "ops": ["RF scanners", "pallet jacks", "forklifts", "WMS software"],
}
DUTIES = {
    "data": ["Build models that forecast {thing} across {n} markets", "Design and analyse A/B tests with product teams",
             "Turn messy event data into clean, documented tables", "Present findings to leadership every {period}",
             "Partner with engineers to put models into production", "Own dashboards that track {thing}"],
    "ml": ["Train and deploy models for {thing}", "Own the training pipeline from raw data to evaluation",
           "Optimise inference latency to under {n} ms at p99", "Run offline and online experiments",
           "Mentor engineers on ML best practices", "Build evaluation sets with the labelling team"],
    "eng": ["Design, build and operate services that handle {thing}", "Write well-tested, idempotent APIs",
            "Take part in an on-call rotation (about one week in {n})", "Improve observability and reliability",
            "Review code and help set engineering standards", "Migrate legacy jobs to an event-driven design"],
    "product": ["Own the roadmap for {thing}", "Define success metrics and run experiments",
                "Talk to customers every {period}", "Work with design and engineering to ship weekly",
                "Write clear product requirement documents"],
    "design": ["Own end-to-end design for {thing}", "Run usability tests and turn findings into decisions",
               "Contribute components to our design system", "Partner with researchers from discovery to launch"],
    "writing": ["Own the developer documentation for {thing}", "Write tutorials, API references and guides",
                "Review documentation pull requests from the community", "Improve the structure and search of the docs"],
    "sales": ["Run the full sales cycle from discovery to close", "Build pipeline with your SDR",
              "Forecast accurately in Salesforce", "Hit an annual quota in new recurring revenue"],
    "support": ["Help customers by chat, email and phone", "Resolve billing and booking issues",
                "Log feedback and bugs for the product team", "Work rotating shifts, including one weekend a month"],
    "nursing": ["Provide direct care to {n} patients per shift", "Administer medications according to policy",
                "Document care in the electronic health record", "Educate patients and families"],
    "ops": ["Pick, pack and ship customer orders", "Receive inbound freight and put away inventory",
            "Load and unload trailers", "Keep your work area clean and follow safety procedures"],
}
THINGS = ("demand", "fraud", "search ranking", "recommendations", "payments", "customer churn", "pricing",
          "onboarding", "supply chain visibility", "claims", "delivery times", "ad spend")
BENEFITS = ("Medical, dental and vision insurance", "{n} days of paid time off", "Paid parental leave",
            "A {sym}{amount} annual learning budget", "Pension or 401(k) matching", "Flexible working hours",
            "Home-office stipend", "Commuter benefits", "Wellness allowance", "Company equity")
HEADINGS = {
    "about": ("About {company}", "About us", "Who we are", "Our company"),
    "role": ("The role", "About the role", "The team", "Overview"),
    "duties": ("Responsibilities", "What you'll do", "Your responsibilities", "In this role you will", "Your day-to-day"),
    "reqs": ("Requirements", "What we're looking for", "Qualifications", "About you", "You might be a fit if"),
    "nice": ("Nice to have", "Bonus points", "Preferred qualifications"),
    "pay": ("Compensation", "Salary", "Pay", "Compensation & benefits"),
    "where": ("Location & office", "Where you'll work", "Work model", "Office policy"),
    "benefits": ("Benefits", "Perks", "What we offer"),
}
CHROME_EN = ("Posted {n} days ago", "Apply now", "Save job", "Report this job", "Sign in to see who you know",
             "{n} applicants", "Easy Apply", "Show more")
CHROME_FOREIGN = (
    ("Publicado hace {n} días", "Postularse ahora", "Guardar empleo", "Empleos similares en {city}"),
    ("Publié il y a {n} jours", "Postuler", "Enregistrer l'offre", "Offres similaires"),
    ("Jetzt bewerben", "Ähnliche Jobs in {city}", "Impressum | Datenschutz | AGB"),
)
SCAM = ("Beware of scams: never pay a fee to apply for a job or share your bank details with a recruiter.",
        "Warning: we will never ask you to pay for training or equipment. Report any such request as fraud.")
BULLETS = ("- ", "- ", "* ", "• ", "")


@dataclass
class Truth:
    file: str
    title: str
    company: str
    place: str
    salary: dict | None  # min, max, currency, period
    employment_type: str
    requisition_id: str
    office: str
    headings: list[str] = field(default_factory=list)


def _money(value: float, currency: str, style: str) -> str:
    if currency == "INR":  # lakh grouping: 28,00,000
        digits = str(int(round(value)))
        head, tail = digits[:-3], digits[-3:]
        groups = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        return ",".join([g for g in [head, *groups] if g] + [tail])
    if style == "eu":
        if value < 1000 and value % 1:
            return f"{value:.2f}".replace(".", ",")  # 42,50
        return f"{int(round(value)):,}".replace(",", ".")
    if value < 1000:
        return f"{value:.2f}" if value % 1 else f"{int(value)}"
    return f"{int(round(value)):,}"


def _salary(rng: random.Random, family: str, currency: str, intern: bool) -> tuple[str | None, dict | None]:
    """(how the posting states its pay, the truth) or (None/phrase, None) when it gives no figure."""
    roll = rng.random()
    if roll < 0.10:
        return None, None
    if roll < 0.15:
        return rng.choice(("Competitive salary and equity.", "Competitive pay, depending on experience.")), None
    sym = SYMBOL[currency]
    hourly = currency != "INR" and (
        (family in ("nursing", "ops", "support") and rng.random() < 0.6) or (intern and rng.random() < 0.5))
    monthly = not hourly and (intern or (currency == "EUR" and rng.random() < 0.2))
    low_k, high_k = PAY_BANDS[family]
    scale = CURRENCY_SCALE[currency]
    if hourly:
        low = (rng.randint(38, 60) if family == "nursing" else rng.randint(16, 45)) + rng.choice((0, 0, 0.5, 0.75))
        high = low + rng.choice((0, 0, 4, 8, 12))
        period, words = "hour", rng.choice(("per hour", "/hour", "an hour", "hourly"))
    elif monthly:
        low = round(rng.uniform(1800, 3200) * scale / 100) * 100 if currency != "INR" else rng.randint(3, 8) * 10000
        high = low
        period, words = "month", rng.choice(("per month", "a month", "per month, gross"))
    else:
        low = round(rng.uniform(low_k, high_k) * scale) * 1000
        high = low + round(rng.uniform(0.12, 0.35) * low / 5000) * 5000
        period, words = "year", rng.choice(("per year", "per annum", "annually", "a year", "base"))
    truth = {"min": float(low), "max": float(high), "currency": currency, "period": period}
    style = "eu" if currency == "EUR" and rng.random() < 0.5 else "en"
    a, b = _money(low, currency, style), _money(high, currency, style)
    code_first = currency in ("CAD", "INR") or rng.random() < 0.2
    dash = rng.choice((" – ", " - ", "–", " to "))
    if low == high:
        figure = f"{currency} {a}" if code_first else (f"{a} {sym}" if style == "eu" else f"{sym}{a}")
    elif period == "year" and currency == "USD" and rng.random() < 0.25:
        figure = f"USD {int(low // 1000)}k-{int(high // 1000)}k"
    elif code_first:
        figure = f"{currency} {a}{dash}{b}"
    elif style == "eu":
        figure = f"{a}{dash}{b} {sym}"
    else:
        figure = f"{sym}{a}{dash}{sym}{b}"
    label = rng.choice(("Salary: ", "Pay: ", "Compensation: ", "Base salary: ", "", ""))
    tail = rng.choice(("", ", plus an annual bonus", ", depending on experience", " + equity"))
    return f"{label}{figure} {words}{tail}.", truth


def _sentence_case(text: str) -> str:
    return text[0].upper() + text[1:]


def _posting(rng: random.Random, i: int) -> tuple[dict, Truth]:
    head, tail = rng.choice(COMPANY_HEADS), rng.choice(COMPANY_TAILS)
    company = f"{head} {tail}{rng.choice(LEGAL)}"
    short = head
    role, family, remote_ok = rng.choice(ROLES)
    seniority = rng.choice(SENIORITY)
    intern = rng.random() < 0.08
    qualifier = rng.choice(QUALIFIERS[family]) if rng.random() < 0.45 else ""
    title = f"{seniority if family not in ('nursing', 'ops', 'support') else ''} {role}".strip() + qualifier
    if intern:
        title = f"{role} Intern (Summer 2026)"
    place, currency, country = rng.choice(PLACES)
    if not remote_ok and place.startswith("Remote"):
        place, currency, country = rng.choice(PLACES[:19])
    remote = place.startswith("Remote")
    employment = "internship" if intern else rng.choice(("full time",) * 6 + ("part time", "contract"))
    if "Part-Time" in title:
        employment = "part time"
    type_line = {"internship": "Internship", "full time": rng.choice(("Full-time", "Full time", "Full-time, permanent")),
                 "part time": "Part-time", "contract": rng.choice(("Contract", "Contract (6 months)"))}[employment]
    req = rng.choice(("R", "REQ-", f"{head[:2].upper()}-", f"{head[:3].upper()}-{role[:2].upper()}-")) + str(rng.randint(100, 99999)).zfill(4)
    req_line = rng.choice(("Req ID: {r}", "Job ID: {r}", "Requisition: {r}", "Reference: {r}", "{r}", "Ref: {r}")).format(r=req)
    if req_line == req and not re.match(r"^(?:R|REQ)[-_]?\d{4,}$", req):
        req_line = f"Job ID: {req}"
    pay_text, pay_truth = _salary(rng, family, currency, intern)
    days = rng.choice((2, 3, 3, 4))
    office_kind = "remote" if remote else rng.choice(("hybrid", "hybrid", "on-site"))
    office = ("This is a fully remote role." if remote else rng.choice((
        f"Hybrid: {days} days per week in our {place.split(',')[0]} office.",
        f"This is a hybrid role with {days} days a week in the office.",
    ) if office_kind == "hybrid" else (f"On-site, five days a week, at our {place.split(',')[0]} site.",)))
    thing = rng.choice(THINGS)
    n_markets = rng.randint(3, 40)

    def fill(template: str) -> str:
        return template.format(thing=thing, n=rng.randint(2, 30), period=rng.choice(("week", "month", "quarter")),
                               sym=SYMBOL[currency], amount=f"{rng.randint(5, 30) * 100:,}", company=short)

    about = [
        f"{company} is a {rng.choice(('fast-growing', 'profitable', 'venture-backed', 'employee-owned'))} "
        f"{rng.choice(('software company', 'healthcare provider', 'logistics company', 'fintech company', 'retailer', 'platform'))} "
        f"serving customers in {n_markets} markets.",
        f"Our {rng.choice(('teams', 'engineers', 'people'))} work on {thing} problems that matter to "
        f"{rng.randint(2, 900)} thousand customers every day.",
    ]
    if rng.random() < 0.5:
        about.append(f"We are hiring a {role} to help us {rng.choice(('scale', 'rebuild', 'grow', 'simplify'))} "
                     f"our {thing} work.")
    duties = [fill(d) for d in rng.sample(DUTIES[family], k=min(len(DUTIES[family]), rng.randint(3, 6)))]
    tools = rng.sample(TOOLS[family], k=min(len(TOOLS[family]), rng.randint(2, 4)))
    years = rng.choice((1, 2, 3, 4, 5, 6, 8)) if not intern else 0
    reqs = [f"{years}+ years of experience as a {role.lower()} or similar." if years else
            "Currently enrolled in a degree in a related field, graduating in 2027.",
            f"Hands-on experience with {', '.join(tools[:-1])} and {tools[-1]}.",
            rng.choice(("Clear written and spoken communication.", "A track record of shipping work end to end.",
                        "Comfort working with ambiguity.", "Right to work in the country of the role."))]
    nice = [f"Experience with {t}." for t in rng.sample(TOOLS[family], k=min(2, len(TOOLS[family])))]
    benefits = [fill(b) for b in rng.sample(BENEFITS, k=rng.randint(3, 6))]
    if intern:
        about.append(f"Join us for a {rng.choice((10, 12, 13))}-week paid internship starting in June 2026.")
    if rng.random() < 0.25:  # a longer posting
        duties += [fill(d) for d in rng.sample(DUTIES[family], k=min(3, len(DUTIES[family])))]
        about.append("We value " + ", ".join(rng.sample(("ownership", "kindness", "curiosity", "craft", "speed",
                                                           "clarity"), k=3)) + ".")

    sections: list[tuple[str, str, list[str], bool]] = [
        ("about", fill(rng.choice(HEADINGS["about"])), about, False),
        ("duties", rng.choice(HEADINGS["duties"]), duties, True),
        ("reqs", rng.choice(HEADINGS["reqs"]), reqs, True),
    ]
    if rng.random() < 0.5:
        sections.append(("nice", rng.choice(HEADINGS["nice"]), nice, True))
    if rng.random() < 0.4:
        sections.insert(1, ("role", rng.choice(HEADINGS["role"]),
                            [f"You will join the {_sentence_case(thing)} team and report to the head of {family}."], False))
    pay_lines = [pay_text] if pay_text else []
    where = [office]
    if pay_lines and rng.random() < 0.5:
        sections.append(("pay", rng.choice(HEADINGS["pay"]), pay_lines + where, False))
    else:
        sections.append(("where", rng.choice(HEADINGS["where"]), where, False))
        if pay_lines:
            sections.append(("pay", rng.choice(HEADINGS["pay"]), pay_lines, False))
    sections.append(("benefits", rng.choice(HEADINGS["benefits"]), benefits, True))
    if rng.random() < 0.3:  # some postings lead with pay or benefits
        rng.shuffle(sections[1:])
    return {
        "company": company, "title": title, "place": place, "type_line": type_line, "req_line": req_line,
        "sections": sections, "city": place.split(",")[0].split(" (")[0],
    }, Truth(
        file="", title=title, company=company, place=place.split(",")[0].split(" (")[0], salary=pay_truth,
        employment_type=employment, requisition_id=req, office=office_kind,
        headings=[s[1] for s in sections],
    )


def _as_txt(rng: random.Random, p: dict) -> str:
    bullet = rng.choice(BULLETS)
    lines = [p["title"], p["company"], p["place"]]
    chrome = rng.random()
    foreign = rng.choice(CHROME_FOREIGN) if chrome < 0.2 else ()
    n = rng.randint(1, 29)
    if 0.2 <= chrome < 0.8:
        lines += [c.format(n=n, city=p["city"]) for c in rng.sample(CHROME_EN[:4], k=rng.randint(1, 3))]
    lines += [line.format(n=n, city=p["city"]) for line in foreign[:2]]
    head = [p["req_line"], p["type_line"]]
    rng.shuffle(head)
    lines += head
    for _, heading, body, listy in p["sections"]:
        if rng.random() < 0.3:
            lines.append("")
        lines.append(heading)
        lines += [(bullet if listy else "") + line for line in body]
    lines += [line.format(n=n, city=p["city"]) for line in foreign[2:]]
    if 0.2 <= chrome < 0.8 and rng.random() < 0.5:
        lines.append("Report this job")
    if rng.random() < 0.3:
        lines.append(rng.choice(SCAM))
    if rng.random() < 0.3:
        lines.append(f"© 2025 {rng.choice(('JobBoard', 'HireHub', 'Jobsly', 'CareerNest'))}. All rights reserved.")
    return "\n".join(lines) + "\n"


def _as_md(rng: random.Random, p: dict) -> str:
    bullet = rng.choice(("- ", "* "))
    out = [f"# {p['title']}", ""]
    if rng.random() < 0.5:
        out += [f"**{p['company']}** · {p['place']} · {p['type_line']}", "", p["req_line"], ""]
    else:
        out += [f"**Company:** {p['company']}", f"**Location:** {p['place']}", f"**Type:** {p['type_line']}",
                p["req_line"], ""]
    for _, heading, body, listy in p["sections"]:
        out += [f"## {heading}", ""]
        if listy:
            out += [bullet + line for line in body]
        else:
            out += [" ".join(body)]
        out.append("")
    return "\n".join(out)


def _as_html(rng: random.Random, p: dict) -> str:
    e = html.escape
    board = rng.choice(("HireHub", "Jobsly", "CareerNest", "WorkBoard"))
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f"<title>{e(p['title'])} - {e(p['company'])} | {board}</title>",
        "<style>body{font-family:Helvetica} .cookie-banner{position:fixed}</style>",
        f"<script>window.dataLayer=[];gtag('config','G-{rng.randint(10**7, 10**8)}');</script>",
        "</head>", "<body>",
        '<div class="cookie-banner"><p>We use cookies to improve your experience.</p>'
        "<button>Accept all cookies</button></div>",
        f'<header><nav><a href="/">{board}</a> <a href="/jobs">Find jobs</a> <a href="/login">Sign in</a></nav></header>',
        "<main>", '<article class="job">', f"<h1>{e(p['title'])}</h1>",
        f'<div class="meta"><span>{e(p["company"])}</span><span>{e(p["place"])}</span><span>{e(p["type_line"])}</span></div>',
        '<p><a href="/apply">Apply now</a> <a href="/save">Save job</a></p>',
        f"<p>{e(p['req_line'])}</p>",
    ]
    for _, heading, body, listy in p["sections"]:
        parts.append(f"<h2>{e(heading)}</h2>")
        if listy:
            parts.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in body) + "</ul>")
        else:
            parts += [f"<p>{e(line)}</p>" for line in body]
    parts += [
        "</article>",
        '<aside class="similar-jobs"><h2>Similar jobs</h2><ul><li><a href="/j/1">Analyst - Remote</a></li></ul></aside>',
        "</main>",
        f"<footer><p><a href=\"/privacy\">Privacy policy</a></p><p>&copy; 2025 {board} Inc.</p></footer>",
        "</body>", "</html>",
    ]
    return "\n".join(parts) + "\n"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:40]


def generate(n: int, seed: int, out_dir: str | Path) -> list[Path]:
    """Write ``n`` postings and ``manifest.jsonl`` into ``out_dir``; returns the posting paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths: list[Path] = []
    truths: list[Truth] = []
    for i in range(n):
        posting, truth = _posting(rng, i)
        fmt = rng.choices(("txt", "md", "html"), weights=(6, 2, 2))[0]
        text = {"txt": _as_txt, "md": _as_md, "html": _as_html}[fmt](rng, posting)
        path = out / f"{i:05d}_{_slug(posting['company'])}_{_slug(posting['title'])}.{fmt}"
        path.write_text(text, encoding="utf-8")
        truth.file = path.name
        paths.append(path)
        truths.append(truth)
    with open(out / "manifest.jsonl", "w", encoding="utf-8") as f:
        for truth in truths:
            f.write(json.dumps(asdict(truth), ensure_ascii=False) + "\n")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many postings")
    parser.add_argument("out_dir", help="folder to write them into")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be >= 0")
    paths = generate(args.n, args.seed, args.out_dir)
    print(f"wrote {len(paths)} postings to {args.out_dir} (seed {args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
