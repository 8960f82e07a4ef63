"""What a question asks: its intent (salary, location, ...), its shape (list, yes/no, ...), and
whether it is an attempt to steer the assistant rather than a question about the postings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from index import ROLE_NOUNS

if TYPE_CHECKING:  # bounds reads this module's currency and period names
    from .bounds import Bound


@dataclass(frozen=True)
class Intent:
    name: str
    trigger: re.Pattern[str]  # in the question
    cue: re.Pattern[str] | None  # in a sentence that answers it
    section: re.Pattern[str] | None  # in the heading of a section that answers it
    synonyms: frozenset[str]  # stems that cover the intent's words in a sentence
    field: str | None = None  # PostingFields attribute that answers it directly
    strict: bool = False  # its own words count in a sentence only where its cue matches


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_MONEY = r"(?:[$£€₹¥]\s?\d|\b(?:USD|GBP|EUR|CAD|AUD|INR|CHF)\s?\d|\d\s?(?:USD|GBP|EUR)\b)"
# Tools a posting names: the frameworks intent's cue. Words that are also plain English ("Slack",
# "Excel", "Unity", "Ray") are left out: the cue is matched whatever the case.
_TOOLS = "|".join((
    r"PyTorch|TensorFlow|JAX|Keras|scikit-learn|XGBoost|LightGBM|Hugging ?Face|MLflow|Kubeflow|SageMaker|Vertex AI|CUDA",
    r"React|Angular|Vue|Svelte|Next\.js|Node\.js|Django|Flask|FastAPI|Spring|Rails|GraphQL|gRPC|Webpack|Tailwind",
    r"Spark|Flink|Hadoop|Airflow|Dagster|dbt|Kafka|RabbitMQ|Fivetran|Databricks|Snowflake|BigQuery|Redshift",
    r"Postgres\w*|MySQL|MongoDB|Cassandra|DynamoDB|Redis|Elasticsearch|Kibana|Pandas|NumPy|Jupyter",
    r"Kubernetes|Docker|Terraform|Pulumi|Ansible|Istio|Nginx|Linux|Git|GitHub(?: Actions)?|GitLab(?: CI)?|Jenkins",
    r"CircleCI|Argo ?CD|Bazel|Gradle|Prometheus|Grafana|Datadog|Splunk|New Relic|PagerDuty|OpenTelemetry|AWS|GCP|Azure",
    r"EKS|GKE|AKS|Cloudflare|Looker|Tableau|Power BI|Jira|Confluence|Salesforce|HubSpot|Zendesk|SAP|NetSuite",
    r"Figma|Adobe|Photoshop|Illustrator|AutoCAD|Revit|SolidWorks|Simulink|LabVIEW|SPSS|Stata|QuickBooks|Xero|ROS",
))
CLOCK = r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b"  # a time of day: "3:00 PM", "07:30"
TOOL_NAME = _rx(r"\b(?:" + _TOOLS + r")\b")
_JOB_WORDS = "|".join(sorted(ROLE_NOUNS | {"i", "you", "job", "role", "position", "intern", "hire"}))
# A closing date's label as boards in French, Spanish, Vietnamese, German and Norwegian write it
DEADLINE_LABELS = r"date limite|fecha l[íi]mite|plazo de postulaci[óo]n|h[ạa]n n[ộo]p(?: h[ồo] s[ơo])?|bewerbungsfrist|s[øo]knadsfrist"
# "What would I take home?" asks the pay; a "take-home test" is part of the interview
_TAKE_HOME_PAY = r"take[- ]home\b(?![- ](?:tests?|tasks?|assignments?|exercises?|challenges?|projects?|exams?)\b)"
TAKE_HOME_PAY = re.compile(r"\b" + _TAKE_HOME_PAY, re.IGNORECASE)
INTENTS: tuple[Intent, ...] = (
    # ("do I pay for it myself?" asks what the candidate pays: a cost, not the pay)
    Intent("salary", _rx(r"\b(?:salar\w*|(?<!who )(?<!who will )(?<!who would )(?<!\bi )(?<!\bi have to )(?<!\bi need to )(?<!\bi must )(?<!\bi will )(?<!\bi would )(?<!vacation )(?<!holiday )(?<!sick )(?<!severance )(?<!overtime )(?:pay|pays)(?!\s+(?:(?:a|an|the|any|out)\s+)?(?:(?!hour|year|week|month|day)[\w-]+\s+){0,2}(?:bonus(?:es)?|overtime|allowances?|per diem|relocation|pension|retirement|superannuation|savings|mileage|expenses|commissions?|tips)\b)|paying|payment|compensation|comp|wages?|earn\w*|(?:the|any) money\b|(?<!office )(?<!office-)(?<!learning )(?<!wellness )(?<!equipment )(?<!internet )(?<!phone )(?<!commuter )(?<!education )(?<!training )stipends?|(?:hourly|day|daily) rates?|rates? of pay|base pay|base salary|gehalt|vergütung|sueldo|salario|salaire|rémunération|ote|on-target|(?:would|will|could|can|do) (?:i|you|they) make|" + _TAKE_HOME_PAY +
               r"|paid(?!\s+(?:(?:annual|yearly|public|bank|statutory|national|extra|additional)\s+)?(?:time|leave|holidays?|vacation|parental|sick|family|days?|overtime|training|relocation))"
               # "How much does the designer make?", "... make in Canada?", "... make a year?"
               # "What does the WellCare pharmacist make?" (a job's word before "make": "What does
               # Acme make?" asks what it produces)
               r"|^\W*what (?:does|do|would|will) (?:the |a |an |this |that )?[\w' -]{0,60}?(?:" + _JOB_WORDS + r")s? make(?: an hour| a year| per hour| per year)?(?=\W*$)"
               r"|how much(?! of\b)(?=.{0,80}\b(?:make|makes|get paid)\b(?:\s+(?:in|at|per|a|an|as|if|on)\b[^?.]{0,40})?\W*$))\b"),
           _rx(_MONEY), _rx(r"salary|compensation|pay"), frozenset({"salari", "pay", "compens", "wage", "base", "stipend", "rate"}), "salary"),
    # ("a home-office stipend", "a learning stipend" is a benefit, not the pay)
    # "How many weeks of parental leave ...?" asks about the leave, not how long the role lasts
    # (nor "longer standard weekly hours", "How long are the shifts?", "the shorter working week")
    Intent("duration", _rx(r"\b(?:how long(?! ago)|duration|length|longer|shorter|how many (?:weeks|months))\b"
                           r"(?![^,;?]*\b(?:leave|vacation|pto|time off|holidays?|sabbatical|notice|probation\w*|trial|training|induction|orientation|hours|shifts?|commute|(?:working|work)[- ]?weeks?)\b)"
                           r"(?<!\bprobation )(?<!\bprobationary )"),
           _rx(r"\b\d{1,2}[- ](?:week|month|year)s?\b"), None, frozenset({"week", "month", "durat", "long", "last"}), "duration"),
    # ("the Bengaluru-based engineer" describes the role: no location asked)
    Intent("location", _rx(r"\b(?:where(?! (?:do|can|should|would|must) (?:i|you|we) (?:send|submit|email|apply|upload))|locat\w*|(?<!-)based|cit(?:y|ies)|countr(?:y|ies)|offices)\b"),
           None, _rx(r"location"), frozenset({"locat", "base", "citi", "offic", "where", "countri"}), "locations"),
    Intent("office", _rx(r"\b(?:remote\w*|hybrid|on-?site|in[- ]office|in the office|in[- ]person|work[- ]from[- ]home|wfh|days? (?:a|per) week|office(?![- ](?:stipends?|budgets?|allowances?|equipment|set-?up|furniture))|commute)\b"),
           _rx(r"\b(?:remote|hybrid|on-?site|in[- ]office|office|in[- ]person|days? (?:a|per) week|work[- ]from[- ]home)\b"), None,
           frozenset({"remot", "hybrid", "onsit", "offic", "person", "attend", "home"}), "office_policy"),
    Intent("employment", _rx(r"\b(?:full[- ]time|part[- ]time|contract\w*|permanent|temporary|employment type|type of (?:employment|contract|role))\b"),
           _rx(r"\b(?:full[- ]time|part[- ]time|contract|permanent|temporary|internship)\b"), None,
           frozenset({"full", "part", "time", "contract", "perman", "temporari"}), "employment_type"),
    # "What is the job title of the Vandelay posting?", "What is the role called?"
    Intent("title", _rx(r"\b(?:(?:job|exact|official|full) titles?|titles? of|in (?:the|their|its|a) titles?|titled|(?:what(?:'s| is| are)|which is) (?:the |its |their )?titles?"
                        r"|what(?:'s| is) (?:it|(?:the |this |that )?(?:[\w-]+ ){0,3}?(?:role|job|position|posting)) called)\b"),
           None, None, frozenset({"titl", "call"}), "title"),
    Intent("requisition", _rx(r"\b(?:req(?:uisition)?(?: id| number)?|job id|reference(?: number)?|posting id)\b"),
           None, None, frozenset({"requisit", "req", "id", "refer"}), "requisition_id"),
    # "the employer pension contribution" asks about the pension: an "employer" before a noun
    Intent("company", _rx(r"\b(?:company|employer(?=\s*(?:[?.!,;]|$|\s+(?:for|of|behind|here|on|in|at|is|and|or)\b))"
                          r"|who is hiring|which (?:firm|organi[sz]ation))\b"),
           None, _rx(r"company|about"), frozenset({"compani", "employ"}), "company"),
    Intent("experience", _rx(r"\b(?:years? of|experience\w*|how senior|seniority|how many years)\b"),
           # years of experience, not of age ("at least 18 years old")
           _rx(r"\b\d+\+?\s*(?:years?|yrs)\b(?![\s-]+(?:old|of age)\b)|\bno (?:prior |previous )?(?:[\w-]+ )?experience\b"),
           _rx(r"requirement|qualification|experience|about you"), frozenset({"year", "experi"})),
    Intent("education", _rx(r"\b(?:degree|phd|ph\.d|master'?s?|bachelor'?s?|education|graduat\w*|enrolled|student|study|studying|diploma)\b"),
           # degrees by their letters in capitals only: "20 ms" of latency is no M.S.
           _rx(r"\b(?:degree|phd|master|bachelor|graduat\w*|enrolled|diploma)\b"
               r"|(?-i:\b(?:BS|MS|BSc|MSc|MBA|PhD|B\.S\.|M\.S\.|B\.Sc\.?|M\.Sc\.?|B\.Tech|M\.Tech|B\.E\.|M\.E\.|B\.A\.|M\.A\.)(?!\w))"),
           _rx(r"qualification|education|requirement"),
           frozenset({"degre", "phd", "master", "bachelor", "educ", "graduat", "enrol", "student", "BS", "MS"})),
    Intent("languages", _rx(r"\b(?:programming|coding|code|languages?|speak|spoken|fluent|bilingual)\b"),
           _rx(r"\b(?:English|Spanish|French|German|Mandarin|Cantonese|Portuguese|Italian|Hindi|Japanese|Korean|Arabic|Russian|Turkish|Dutch|Polish|Swedish|Python|Java|JavaScript|TypeScript|Go|Golang|Rust|C\+\+|C#|C|Scala|Kotlin|Swift|Ruby|PHP|SQL|R|Julia|MATLAB|Bash|Perl|Haskell|Elixir|Dart)\b(?!-)|\b(?:Deutsch|Englisch|Französisch|Spanisch)(?:kenntnisse)?\b"),
           None, frozenset({"languag", "program", "code", "speak", "spoken", "fluent", "bilingu"})),
    Intent("frameworks", _rx(r"\b(?:frameworks?|librar(?:y|ies)|tools?|(?:tech )?stacks?|technolog\w*)\b"),
           _rx(r"\b(?:" + _TOOLS + r")\b"),
           None, frozenset({"framework", "librari", "tool", "stack", "technolog", "tech"})),
    # ("... as soon as they start?" asks when a benefit begins, not the role's start date; "When
    # does the job close?" asks for the deadline)
    Intent("start", _rx(r"\b(?<!as soon as i )(?<!as soon as you )(?<!as soon as they )(?<!as soon as we )"
                        r"(?:start\w*|begin\w*|when (?:does|is|would|will|can)\b(?![^?]*\b(?:clos\w*|deadlines?|due)\b))\b"),
           # months as names ("you may travel" says no month); a season with a year or as a
           # time ("Summer 2026", "in the fall"), not "Spring Boot"
           _rx(r"\b(?:(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
               r"|(?:spring|summer|autumn|fall|winter)(?=[\s,]+(?:\d{4}|'\d\d|term|semester|quarter|intake|cohort)\b)"
               r"|(?:in|this|next|from|by|early|late|mid|the)[- ](?:spring|summer|autumn|fall|winter)|asap|immediately)\b"),
           None, frozenset({"start", "begin", "date", "avail"})),  # "available from" is a start too
    # "What are the hours?", "Which shifts ...?": the schedule's lines ("Tuesday through Sunday,
    # 3:00 PM to 11:00 PM"), which need not say "hours"
    # ("the night shift nurse" names a role: "shift" asks only as "which shifts", "shifts are")
    Intent("schedule", _rx(r"\b(?:hours|schedules?|rotas?|what time|working time|(?:working|work)[- ]?weeks?|(?:shift|working|work|rota) patterns?|when (?:do|would|will) (?:i|you|they) work"
                           r"|(?:which|what) shifts?|shifts? (?:are|is|do|does|would|will)|work(?:ing)? (?:the |a |an )?(?:\w+ )?shifts?)\b"),
           _rx(CLOCK + r"|\bhours\b|\bshifts?\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b"),
           _rx(r"schedule|hours|shifts?|working time|rota|arbeitszeit|horario"), frozenset({"hour", "schedul", "shift", "rota", "pattern"})),
    Intent("benefits", _rx(r"\b(?:benefits?|perks?|insurance|medical|health|leave|pto|time off|vacation|holidays?|401k|pension|equity|rsus?|stock|bonus\w*)\b"),
           None, _rx(r"benefit|perk|culture|what we offer|offer|package|rewards|bieten|ofrecemos|avantages"), frozenset({"benefit", "perk"})),  # generic words only: "equity" must be said, not implied
    Intent("requirements", _rx(r"\b(?:requir\w*|qualif\w*|skills?|need to (?:know|have)|must have|looking for|good at|prerequisites?|knowledge|background|profile|after|certific\w*|certs?|licen[cs]\w*)\b"),
           None, _rx(r"requirement|qualification|skill|knowledge|about you|you bring|profil|who you are|must|looking for|a fit if|you(?:'ll| will)? need|ideal candidate|we expect|nice to have|bonus points"
               r"|anforderung|qualifikation|requisitos"),  # "Dein Profil", "Ihr Profil", "Anforderungen"
           frozenset({"requir", "qualif", "skill", "knowledg", "abil", "must", "experi", "profici", "background", "profil", "certif", "licens", "licenc"})),
    # "What team is it on?", "Who does it report to?": a sentence placing the role in a team
    # answers, not one that only mentions a team ("with our ML engineering team"), so strict.
    Intent("team", _rx(r"\b(?:what|which) (?:\w+ )?team\b|\bteam (?:would|will|do|does|is|am) (?:i|it|they|the role|this role)\b"
                       r"|\breport(?:s|ing)? (?:directly )?(?:to|into)\b|\bwho(?:['’]s| is| will be| would be) (?:the |my |your |their )?(?:boss|line manager|manager|supervisor)\b(?! (?:of|for) (?:this|the) (?:hiring|recruit))|\b\w+['’]s (?:boss|line manager|manager|supervisor)\b|\bteam (?:size|like|culture)\b|\bhow (?:big|large) is the\b(?:\s+\w+){0,2}\s+team\b|\babout the team\b"),
           _rx(r"\b(?:join(?:ing)?|part of|on|in|within|into)\s+(?:the|our|a|an)\s+(?:[\w&/-]+\s+){0,4}team\b(?!['’]s)"
               r"|\breport(?:s|ing)?\s+(?:directly\s+|straight\s+)?(?:to|into)\b|^(?:the|our)\s+(?:[\w&/-]+\s+){0,4}team\b(?!['’]s)|\bteam\s*:"
               r"|\bteam\s+of\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty)\b"
               r"|\b\d+[- ](?:person|people|strong)\s+team\b"),
           _rx(r"team"), frozenset({"team", "report", "boss", "supervisor", "manag"}), strict=True),
    # "How do I apply?": the lines saying how, under "How to apply", "Kontakt", "Bewerbung"
    Intent("apply", _rx(r"\bhow (?:do|can|should|would|to) (?:i |you |we |one )?apply\b|\bapplication process\b|\bwhere (?:do|can|should) (?:i|you) apply\b"
                        r"|\bapplications? (?:be |get |are |is )?(?:sent|submitted|emailed)\b"
                        r"|\b(?:send|submit|email) (?:my |your |our |an? |the )?(?:application|cv|resume|résumé)s?\b"),
           # a sentence saying how, where the posting has no "How to apply" heading: "To apply,
           # email your résumé ...", "Apply online through ...", "Applications should be sent to ..."
           _rx(r"(?:^|[.!?]\s+|\n)\s*(?:[-•*]\s*)?to apply\b|\bto apply\s*[,:]|\bapply (?:online|through|via|by|at|on|here|using|with)\b"
               r"|\b(?:send|email|e-mail|submit|upload)\s+(?:us\s+)?(?:your|a|an)\s+(?:[\w-]+\s+){0,2}(?:cv|résumé|resume|application|cover letter)\b"
               r"|\bapplications?\s+(?:should|must|can|may)\s+be\s+(?:sent|submitted|made|emailed)\b"),
           _rx(r"apply|application|bewerb|kontakt|contact|postuler|aplicar|candidat"), frozenset({"appli", "apply", "send", "sent", "submit"})),
    # "Who can I contact about ...?": the lines that name someone with an email or phone, often
    # under a "Contact ..." heading ("Name: Sarah Okafor" / "Email: ...")
    Intent("contact", _rx(r"\bwho (?:can|should|do|would) (?:i|we|you) (?:contact|speak to|talk to|email|call|write to)\b"
                          r"|\bcontact (?:person|details|name|email)\b|\bwho is the (?:contact|recruiter|hiring manager)\b"
                          r"|\b(?:person|someone|people|name|names) to (?:contact|email|call)\b"
                          r"|\binformal (?:chat|enquir\w*|inquir\w*|call)\b"),
           _rx(r"[\w.+-]+@[\w-]+\.[\w.]+|\b(?:name|email|e-mail|phone|telephone|tel)\s*:|\(\d{3}\)\s*\d{3}-\d{4}|\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b"),
           _rx(r"contact|enquir|inquir|kontakt|ansprechpartner"), frozenset({"contact", "enquiri", "inquiri", "chat"})),
    # "How much does staff housing cost?", "Is there a fee?": a line with an amount answers,
    # whatever it calls the cost ("Rent is $95 per week")
    Intent("cost", _rx(r"\b(?:cost|costs|price|fees?|charged?|rent|who (?:pays|will pay|would pay|covers)|i (?:have to |need to |must |will |would )?pay)\b"), _rx(_MONEY), None,
           frozenset({"cost", "price", "fee", "charg", "rent", "deduct"})),
    # "What's the closing date?", "Is there a deadline to apply?": a line that says the posting
    # closes with a date or a time ("Closing date: 7 April 2025", "Closes in 19 days (Saturday 31
    # May)"); strict, so "meet agreed deadlines" of the work answers nothing
    Intent("deadline", _rx(r"\b(?:closing(?: date)?|closes?|closed|deadlines?|apply by|last day to apply|applications? close"
                           r"|by (?:what|which) date (?:\w+ ){0,3}apply|by when (?:\w+ ){0,3}apply|applications? (?:are )?due)\b"),
           # (not a "closing (13:00–22:00)" shift)
           _rx(r"\b(?:clos(?:ing|es)(?!\s*(?:\(\s*)?\d{1,2}[:.]\d{2})(?!\s+shifts?)|deadline|apply by|applications? (?:close|must be received|(?:will be |are )?accepted until)|no later than"
               r"|last (?:date|day) (?:to apply|for applications|of application)"
               rf"|{DEADLINE_LABELS})\b[^.\n]{{0,60}}?"
               r"(?:\d|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday"
               r"|wednesday|thursday|friday|saturday|sunday|midnight|noon|rolling)\b)"
               # the boards' labels: "Scadenza: 14/02/2025", "Ansøgningsfrist: 9. februar 2025", "Candidaturas até 25 de janeiro"
               r"|\b(?:scadenza|fecha l[ií]mite|date limite|date de cl[oô]ture|bewerbungs(?:frist|schluss)|einsendeschluss"
               r"|ans[øo]gningsfrist|s[øo]knadsfrist|sista ans[öo]kningsdag|sluitingsdatum|termin sk[łl]adania|candidaturas at[ée]|prazo de candidatura"
               r"|plazo de (?:postulaci[oó]n|presentaci[oó]n))\b[^\n]{0,30}?\d"
               r"|\b(?:rolling basis|until (?:the (?:role|position|vacancy) is|it['’]s|it is)? ?filled)\b"
               r"|\bonce (?:we(?:['’]ve| have) (?:hired|found)|(?:the (?:role|position|vacancy) is|it['’]s|it is) filled)\b"
               # "Please email your CV ... by 31 May 2025"
               r"|\b(?:send|email|submit|apply|applications?)\b[^\n]{0,160}?\bby\s+(?:[^.\n]{0,25}?\bon\s+)?(?:\w+day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+"
               r"(?:january|february|march|april|may|june|july|august|september|october|november|december)|"
               r"(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2})"),
           _rx(r"closing|deadline|key dates"), frozenset({"close", "closing", "deadlin", "date"}), strict=True),
    # "Who's eligible to apply?", "Who can apply?": who the posting is open to (citizens,
    # residents, the right to work), often under a "Who can apply" heading
    Intent("eligibility", _rx(r"\b(?:eligib\w*|who (?:can|may) apply|(?:allowed|able|entitled) to apply|open to (?:applicants|candidates))\b"),
           # (and who a benefit is for: "for candidates moving from outside Karnataka")
           _rx(r"\b(?:citizens?(?:hip)?|permanent residents?|residing|residents?|right to work|authori[sz]ed to work|eligib\w*|work permits?|visas?|open to"
               r"|for (?:candidates|applicants|those|anyone|staff|employees|new (?:hires|starters|joiners)) (?:who|moving|relocating|coming|from|with|living|based|joining))\b"),
           _rx(r"who can apply|eligib|who (?:may|should) apply|right to work"), frozenset({"elig", "citizen", "resid"})),
    Intent("duties", _rx(r"\b(?:responsibilit\w*|responsible for|duties|duty|do (?:all )?day|day[- ]to[- ]day|what (?:will|would|do|does|should) (?:i|you|they|one) (?:do|be doing|work on)|work on|tasks?|own(?=\W*$)|do(?:ing)?(?=\W*$))\b"),
           None, _rx(r"what you|responsibilit|duties|role|day|(?<!where )you will|(?<!where )you'll|aufgaben|responsabilidades|missions?"), frozenset({"respons", "duti", "work", "task", "day", "build"})),
)

_LIST = _rx(
    r"\b(?:which|list|all|what are|what (?:\w+ )?(?:cities|locations|frameworks|languages|skills|requirements|benefits|products|tools|technologies|responsibilities|qualifications"
    r"|certifications|certificates|licen[cs]es|credentials|degrees|perks|duties|tasks)|name the|enumerate"
    r"|(?:interview|hiring|recruitment|selection|application) (?:process|steps|stages|rounds)"
    r"|who (?:can|should|do|would) (?:i|we|you) (?:contact|speak to|talk to|email|call)|contact details)\b"
)
# ("The Ironbark job is in Melbourne, right?": a statement asked back is a yes/no question too)
_YES_NO = _rx(r"^(?:is|are|does|do|can|will|would|could|must|should|has|have|did|am)\b"
              r"|,\s*(?:right|correct|isn['’]t it|aren['’]t they|doesn['’]t it|don['’]t they|yes|no)\s*\?+\s*$")
# "differs", "different", "difference": never "differential" (a shift differential is pay)
DIFFER = r"differ(?:s|ent|ence|ences|ently)?"
_COMPARISON = _rx(r"\b(?:compare\w*|comparison|" + DIFFER + r"|versus|vs\.?|both|each (?:role|position|job|posting)|two (?:roles|positions|jobs|postings)|either|which (?:one|role|position|job|posting)|more than|higher|lower|better|same|longer|shorter|bigger|larger|smaller|fewer|earlier|later|sooner|more|less|(?:starts?|closes?|begins?|ends?|comes?|expires?)\s+first)\b")
_NUMERIC = _rx(r"\b(?:how (?:many|much|long|often)|number of|what (?:percentage|percent))\b")

_INJECTION = _rx(
    r"\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instructions?|rules|prompts?|guidelines|above|previous|prior|system)\b"
    r"|\b(?:system|hidden|initial|original)\s+(?:prompt|instructions?|message)\b"
    r"|\b(?:reveal|print|show|repeat|output|leak)\b.{0,30}\b(?:prompt|instructions?)\b"
    r"|\byou are now\b|\bact as\b|\bpretend (?:to be|you)\b|\bjailbreak\b|\bdeveloper mode\b|\bDAN\b"
    r"|\b(?:say|tell (?:me|them|the user)|claim|answer) (?:that )?(?:the )?(?:salary|pay) is\b"
)


@dataclass(frozen=True)
class QuestionShape:
    text: str
    intents: tuple[Intent, ...]
    is_list: bool
    is_yes_no: bool
    is_comparison: bool
    is_numeric: bool
    is_injection: bool
    bound: Bound | None = None  # the bound the question sets on an amount ("more than $150k"), read once

    @property
    def primary(self) -> Intent | None:
        return self.intents[0] if self.intents else None

    @property
    def asks_fields_only(self) -> bool:
        """Every intent is a field (pay, place, work policy...): each role's answer is one line."""
        return bool(self.intents) and all(i.field for i in self.intents)


# "the warehouse job", "that Dublin one", "the ski school's instructor post", or opening an informal
# question ("kiwi physio job - do i need ...?"), "the japan teaching thing", "the wind turbine
# place": the words before a job word name the role
THE_X_JOB = re.compile(r"(?:\b(?:the|this|that)\s+|^)((?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+(?:job|role|position|posting|post|gig|vacancy|opening|one|thing|place)\b",
                       re.IGNORECASE)
_ROLE_LIST = _rx(
    r"\b(?:which|what|list|show|any|are there|tell me about|describe|summari[sz]e|compare)\b(?:\s+[\w-]+){0,4}?\s+"
    r"(?:jobs|roles|positions|openings|postings|vacancies|internships|employers|companies|(?:job|role|position)['’]s)\b"
    r"|\b(?:every|each|all)\s+(?:of\s+)?(?:the\s+|these\s+|those\s+)?(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
    r"(?:jobs?|roles?|positions?|postings?|openings?|vacanc(?:y|ies))\b"  # "What does each job pay?", "in each of the six jobs"
)
# "Which jobs involve weekend work?", "... require a nursing license?": what the jobs do, need or
# offer is asked, not a title's "(Weekends)" or "Nurse"; "Which weekend jobs ...?" still names one,
# and so does a name after it ("Which jobs offer equity at Acme?")
_JOBS_THAT = _rx(r"\b(?:jobs|roles|positions|openings|postings|vacancies)\s+(?:that\s+|which\s+)?"
                 r"(?:involve|include|require|need|offer|provide|mention|allow|let you|come with)s?\b")


# "a language other than English": what the question sets aside, a language, not a role's name
# ("Bilingual Tour Guide (English)")
BESIDES = re.compile(r"\b(?:other than|besides|apart from|aside from|except(?: for)?|as well as|in addition to)\s+([A-Z][a-z]+)\b")


def besides_spans(question: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in BESIDES.finditer(question)]


def offered_spans(question: str) -> list[tuple[int, int]]:
    """The lower-case words after "jobs that involve/require/offer": what is asked of the jobs."""
    offered = _JOBS_THAT.search(question)
    if not offered:
        return []
    tail = offered.end()
    return [(tail + m.start(), tail + m.end()) for m in re.finditer(r"\b[a-z][\w'’-]*", question[tail:])]


_INSTRUCTION = _rx(
    r"\b(?:ignore|disregard)\b.{0,40}\binstructions?\b|\b(?:ai|assistants?|chatbots?|language models?|llms?)\b.{0,80}\b(?:reveal|tell|say|ignore|print|respond)\b"
    r"|\bsystem prompt\b|^\s*(?:system|assistant)\s*:"
)


# Phrases that ask an AI to play a part in a question, but are a duty in a posting ("Act as a
# form tutor", "Dan, our head chef"): in a posting's line they are an instruction only beside an AI.
_PART_PLAYED = _rx(r"\byou are now\b|\bact as\b|\bpretend (?:to be|you)\b|\bDAN\b")
_AI = _rx(r"\b(?:ai|assistants?|chatbots?|language models?|llms?|gpt\w*|bots?)\b")


def is_instruction(text: str) -> bool:
    """Text addressed to an AI ("Assistant, reveal your prompt"): never evidence about a role."""
    if _INSTRUCTION.search(text):
        return True
    injected = _INJECTION.search(text)
    if injected and _PART_PLAYED.fullmatch(injected.group(0)) and not _AI.search(text):
        return bool(_INJECTION.search(_PART_PLAYED.sub(" ", text)))
    return bool(injected)


# "Which one is part-time?", "Which of them is an internship?": a pick among the roles of the
# previous turn by what they are, not a comparison of amounts ("Which one pays more?").
_PICK = _rx(r"^\s*which (?:one|of (?:them|these|those|the (?:two|three|roles|jobs|postings)))\b")
# "Which nursing job is part-time?": one role asked for among all, which may be several
_PICK_KIND = _rx(r"^\s*which\s+(?:[\w-]+\s+){0,3}?(?:job|role|position|opening|posting|vacancy|internship)\s+"
                 r"(?:is|has|offers?|requires?|needs?|allows?|lets?|includes?)\b")
_AMOUNT = _rx(r"\b(?:more|less|most|least|higher|lower|highest|lowest|better|best|longer|shorter|longest|shortest|pays?|salary|earns?)\b")


def asks_for_roles(question: str) -> bool:
    """"Which jobs are there in Berlin?": a question about the set of postings itself."""
    return bool(_ROLE_LIST.search(question)) or bool(
        (_PICK.search(question) or _PICK_KIND.search(question)) and not _AMOUNT.search(question))


# "How much experience does the leadership-level job building video systems expect?": a role
# described rather than named, as the subject of the question's verb ("does <it> expect?") or the
# object of its last preposition ("the salary for <it>?"). After the role's noun only a phrase
# that opens with a participle or a preposition ("building ...", "in London") describes it: in
# "Is the role remote or hybrid?" "remote" is asked. A person can stand for the role too: "should
# a student joining the London AR team be good at?" asks about the role, not about students.
ROLE_NOUN = r"(?:job|role|position|opening|posting|vacancy|internship|placement)"
_PERSON_NOUN = r"(?:student|candidate|applicant|intern|new hire|hire|graduate|someone|person)"
_PHRASE = (
    rf"((?:the|this|that|a|an)\s+(?:[\w'-]+\s+){{0,4}}?(?:{ROLE_NOUN}|(?P<person>{_PERSON_NOUN}))\b"
    r"(?:\s+(?:\w+ing|in|at|on|for|with|within|about|that|who|which|where)\b[^?]*)?)"
)
_DESCRIBED = (
    _rx(rf"\b(?:does|do|did|will|would|should|can|could|is|are|was|must)\s+{_PHRASE}(?:\s+[\w'-]+){{1,3}}\W*$"),
    _rx(rf"\b(?:for|of|in|at|on|about|as)\s+{_PHRASE}\W*$"),
)


# Job nouns for the same work in other words or languages: "the Flussbau developer" is its
# "Backend-Entwickler". Only words that never name other work ("engineer" may be mechanical).
SAME_JOB = (
    frozenset("developer programmer coder entwickler desarrollador développeur developpeur sviluppatore".split()),
    frozenset("doctor physician arzt ärztin médecin medico".split()),
    frozenset("lawyer attorney anwalt rechtsanwalt abogado avocat".split()),
    frozenset("nurse pflegefachkraft krankenschwester krankenpfleger enfermero enfermera infirmier infirmière".split()),
    frozenset("waiter waitress kellner kellnerin camarero camarera serveur serveuse".split()),
)


@dataclass(frozen=True)
class Description:
    text: str  # the phrase, with the intents' words blanked: they stay asked
    person: tuple[int, int] | None = None  # where a person stands for the role ("a student ...")


def role_description(question: str) -> Description:
    """The words that describe the role asked about ("the leadership-level job building video
    recommendation systems"); empty when the question has no such phrase."""
    for pattern in _DESCRIBED:
        m = pattern.search(question)
        if not m:
            continue
        a, b = m.span(1)
        person = m.span("person") if m.group("person") else None
        chars = list(question[a:b])
        for x, y in trigger_spans(question):
            if person and x < person[1] and person[0] < y:
                continue  # the person is the role, not an intent ("student": not an education question)
            for i in range(max(x, a), min(y, b)):
                chars[i - a] = " "
        return Description("".join(chars), person)
    return Description("")


# A currency's name ("in US dollars", "in euros"): read against the pay field's currency, and
# never a role's name ("US" is also a place in "Remote (US or Canada)").
CURRENCY_NAME = re.compile(
    r"\b(?:(?P<eur>euros?)|(?P<gbp>pounds?(?: sterling)?|sterling)|(?P<inr>rupees?)|(?P<usd>(?:us|u\.s\.|american) dollars?)"
    r"|(?P<cad>canadian dollars?)|(?P<dollar>dollars?)|(?P<chf>swiss francs?)|(?P<jpy>yen))\b", re.IGNORECASE)
# "Which roles pay by the hour?": the pay period asked, as ``Salary.period`` names it
PAY_PERIOD_NAME = re.compile(
    r"\b(?:(?:by the|per|an?|each|a single)\s+(?P<p1>hour|day|week|month|year)|(?P<p2>hour|dai|week|month|year)ly"
    r"|(?P<annual>annual(?:ly)?|per annum))\b", re.IGNORECASE)


def pay_period_asked(question: str) -> tuple[str, tuple[int, int]] | None:
    """(``Salary.period`` asked for, where the question says it) of a question about pay; None
    for "40 hours per week"."""
    m = PAY_PERIOD_NAME.search(question)
    if m is None or not any(i.name == "salary" and i.trigger.search(question) for i in INTENTS):
        return None
    period = "year" if m.group("annual") else (m.group("p1") or m.group("p2")).lower().replace("dai", "day")
    return period, m.span()


CURRENCIES = {"eur": {"EUR"}, "gbp": {"GBP"}, "inr": {"INR"}, "usd": {"USD"}, "cad": {"CAD"},
              "dollar": {"USD", "CAD", "AUD", "NZD", "SGD", "HKD"}, "chf": {"CHF"}, "jpy": {"JPY"}}


# A number that counts something: "2 days a week", "5+ years", "40 hours", "10%"
_COUNTED = re.compile(r"\b\d+(?:\.\d+)?\s*\+?\s*(?:-\s*)?(?:days?|weeks?|months?|years?|yrs|hours?|hrs|%|percent)\b", re.IGNORECASE)


def trigger_spans(question: str) -> list[tuple[int, int]]:
    """Where the intents' words, currencies' names and counts are, so they are not mistaken for a
    role's name ("Cobalt Pay", "US dollars", the "2" of "2 days a week" for a "Tier 2" role)."""
    spans = [m.span() for intent in INTENTS for m in intent.trigger.finditer(question)]
    return spans + [m.span() for m in CURRENCY_NAME.finditer(question)] + [m.span() for m in _COUNTED.finditer(question)]


_PERIOD_OF_CONTRACT = _rx(r"\b(?:trial|probation\w*|notice)(?:\s+period)?\b")


# Money on top of the pay: "What supplement does the bakery pay?", "pay for night work",
# "pay extra for Sundays"; not the salary, which these would otherwise ask
_PAY_EXTRA = re.compile(
    r"\bwhat\s+(?:supplements?|premiums?|loadings?|uplifts?|extras?|allowances?|penalty rates?)\s+(?:do|does|did|will|would)\b"
    r"|\bpays?\s+(?:extra\s+|more\s+)?(?:for|on)\s+(?:working\s+)?(?:nights?|night[- ](?:work|shifts?|hours)|weekends?|weekend\s+(?:work|shifts?|hours)"
    r"|sundays?|saturdays?|public\s+holidays?|bank\s+holidays?|evenings?|late\s+shifts?|on[- ]call)\b",
    re.IGNORECASE)
_WHERE_SOMETHING_ELSE = re.compile(
    r"\bwhere\b.*\b(?:interviews?|assessments?|assessment\s+(?:centre|center|day)|training|induction|orientation|onboarding"
    r"|tests?|exams?|medicals?|courses?|trial\s+shifts?|drug\s+(?:test|screen)s?)\b", re.IGNORECASE)
_BASED = re.compile(r"(?<!-)\bbased\b|\blocat\w*|\bwork(?:ing)?\s+from\b|\bthe\s+(?:job|role|position)\s+(?:be|is)\b", re.IGNORECASE)
_PAYS_FOR_A_COST = re.compile(
    r"\bpays?\s+for\s+(?:(?:the|my|your|our|their|any|candidates?['’]?s?|applicants?['’]?s?|staff['’]?s?)\s+)?"
    r"(?:travel|flights?|airfares?|relocation|moving|accommodation|housing|training|courses?|certifications?|licen[cs]es?|visas?"
    r"|permits?|tickets?|transport|parking|uniforms?|equipment|tools|meals?|lunch|medicals?|checks?|costs|expenses|the\s+move)\b",
    re.IGNORECASE)
_SALARY_WORD = re.compile(r"\b(?:salar\w*|wages?|base\s+pay|hourly\s+rate)\b", re.IGNORECASE)


def analyse(question: str, intent_text: str | None = None) -> QuestionShape:
    """The shape of ``question``; intents are read from ``intent_text`` when given (the question
    with the words that name a role masked, so "Lattice Health" is not a health question)."""
    from .bounds import asked_bound  # bounds reads this module's currency and period names

    q = " ".join(question.split())
    source = q if intent_text is None else intent_text
    found = [intent for intent in INTENTS if intent.trigger.search(source)]
    if _PERIOD_OF_CONTRACT.search(source):
        # "How long is the trial period for the sous-chef contract?": the contract names the job
        found = [i for i in found if i.name != "employment" or any(m.group(0).lower()[:8] != "contract" for m in i.trigger.finditer(source))]
    if _WHERE_SOMETHING_ELSE.search(source) and not _BASED.search(source):
        # "Where is the interview?": where that happens, which a line says, not the job's place
        found = [i for i in found if i.name != "location"]
    if (_PAY_EXTRA.search(source) or _PAYS_FOR_A_COST.search(source)) and not _SALARY_WORD.search(source):
        # "What supplement does it pay for night work?", "Do they pay for travel to the
        # interview?": money on top of the pay or a cost met, which a line says
        found = [i for i in found if i.name != "salary"]
    # "Does it pay more than $150k?" sets a bound on one role's pay; it compares no two roles
    bound = asked_bound(q)
    compared = q if bound is None else q[: bound.span[0]] + " " * (bound.span[1] - bound.span[0]) + q[bound.span[1]:]
    # Order in INTENTS decides which intent leads.
    return QuestionShape(
        text=q,
        intents=tuple(found),
        is_list=bool(_LIST.search(q)),
        is_yes_no=bool(_YES_NO.search(q)),
        is_comparison=bool(_COMPARISON.search(compared)),
        is_numeric=bool(_NUMERIC.search(q)),
        is_injection=bool(_INJECTION.search(q)),
        bound=bound,
    )
