"""The embedded default answerer: no model, no key. It answers with the postings' own words.

For a question whose intent maps to a structured field (salary, location, duration, office
policy, ...) it states the field and cites the passage the field was read from. Otherwise it
scores each sentence or bullet of the retrieved passages by how much of the question's
meaning it covers (IDF-weighted, with the intent's synonyms and cues) and quotes the best ones.
When coverage is weak it abstains: a missing answer is better than a plausible one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Iterable, Mapping

from index import PostingFields, Section, document_language, extract_salary, find_places, in_region, region_asked

from .bounds import PERK_QUALIFIERS, Bound, money_in, same_currency
from .claims import Claim, Draft
from .corpus import Corpus, place_terms
from .question import (BESIDES, CLOCK, CURRENCIES, DEADLINE_LABELS, THE_X_JOB, INTENTS, CURRENCY_NAME, pay_period_asked, ROLE_NOUN, ROLE_NOUNS, SAME_JOB, TAKE_HOME_PAY, TOOL_NAME, QuestionShape, asks_for_roles, is_instruction, offered_spans, role_description,
                       trigger_spans)
from .text import (LANGUAGE, LANGUAGE_SPOKEN, STOPWORDS, as_prose, content_stems, languages_spoken, filler_stems, names_language, numbers, says_initials, sentences, stem, stems_match,
                   words_as_written)
from .types import Passage

DECLINE_INJECTION = (
    "I only answer questions about the job postings, from what they say; "
    "I can't follow instructions to do otherwise."
)
# a sentence's words that deny what stands near them (``_denied``)
_DENIES = re.compile(r"\b(?:not|no|none|never|without|cannot|unable|isn't|aren't|doesn't|don't|won't|can't)\b", re.IGNORECASE)  # ("Weekends: None")
# ("n't" ends its word: "\bn't" never matched "don't")
_NEGATION = re.compile(r"\b(?:not|no|never|without|non[- ]?)\b|n['’]t\b", re.IGNORECASE)
_FIELD_NAMES = {
    "salary": "a salary",
    "duration": "a duration",
    "office_policy": "an office or remote-work policy",
    "locations": "a location",
    "employment_type": "an employment type",
    "requisition_id": "a requisition ID",
    "title": "a title",
    "company": "the company",
}
# Words a question uses to point at a role without asking anything about it.
_POINTERS = frozenset(
    stem(w) for w in "role job position opening posting vacancy internship placement one two first second both roles jobs "
    "positions openings postings vacancies internships placements".split()
)
_FILLER = filler_stems()
_ROLE_NOUN_STEMS = frozenset(stem(w) for w in ROLE_NOUNS)
_SAME_JOB_STEMS = {stem(w): frozenset(stem(v) for v in group) for group in SAME_JOB for w in group}
# What a role itself is asked to do or bring: a sentence about another role does not answer it.
_ROLE_TOPICS = frozenset({"duties", "requirements"})
# The words between an article and "role"/"job": "the astronaut role", "an Acme night-shift job".
_NAMED_ROLE = re.compile(rf"\b(?:the|a|an|this|that)\s+((?:[\w'’-]+\s+){{1,4}}?){ROLE_NOUN}s?\b", re.IGNORECASE)
# "Is there a programmer job?", "Do you have a pilot role?", "Any openings for a chef?", "Is anyone
# hiring nurses?": whether a role is posted at all. Not "Is there a bonus for this job?", nor "Who
# is the recruiter for the Kestrel job?"
_ROLE_WORDS = r"(?:(?!(?:for|at|with|in|of|on|to|the|this|that|its|their|your|my)\b)[\w'’-]+\s+){1,3}"
_ASKS_IF_POSTED = re.compile(
    rf"^\W*(?:(?:is|are)\s+there|do\s+you\s+have)\s+(?:any\s+|an?\s+)?(?:open\s+)?{_ROLE_WORDS}{ROLE_NOUN}s?\b"
    rf"|\b(?:{ROLE_NOUN}|openings?)s?\s+for\s+(?:an?\s+)?[\w'’-]+\W*$"
    r"|^\W*(?:is|are)\s+(?:any(?:one|body)|any\s+compan\w+)\s+hiring\b", re.IGNORECASE)
_PAY_WORD = re.compile(r"\b(?:salary|pay|wage|stipend|remuneration|compensation is|rate of pay)\b", re.IGNORECASE)
# Words that ask how the pay is put, not the pay of what: "the salary range", "the base pay"
_PAY_ASKING = frozenset(content_stems("range band bracket base exact figure amount gross net starting offered expected typical annual yearly advertised"))
_AT_WORKPLACE = re.compile(
    r"\b(?:at|in)\s+(?:the|our|your|their|this|that)\s+(?:[A-Z][\w'-]*\s+){1,3}(warehouse|office|store|shop|hospital|site|school|"
    r"restaurant|clinic|plant|factory|branch|depot|campus|resort|kitchen|lab|centre|center|hotel)\b")
# What a line adds to the pay before it: "an additional $2.00 per hour shift differential"
_ADDED_PAY = re.compile(r"\b(?:additional|differential|premium|uplift|on top of|extra|plus)\b[^.\n]{0,60}?[$£€₹¥]\s?\d|"
                        r"[$£€₹¥]\s?\d[^.\n]{0,60}?\b(?:differential|premium|uplift|on top)\b", re.IGNORECASE)
_SPEAKS_OF_PAY = re.compile(r"[$£€₹¥]\s?\d|\d\s?(?:USD|GBP|EUR|CAD)\b|\b(?:paid|pay|pays|salary|wages?|rates?|unpaid)\b", re.IGNORECASE)
# A perk paid for, not pay: "Home-office stipend", "a learning allowance".
_PERK_MONEY = re.compile(rf"\b(?:{PERK_QUALIFIERS})\s+(?:stipend|allowance|budget)\b", re.IGNORECASE)
# Where a question's second clause starts: "How long is it, and can it be extended?"
_CLAUSE = re.compile(r"\s*(?:,?\s*\band\b|;|,\s*(?=(?:can|could|is|are|does|do|will|would|what|where|when|how|who)\b))\s*", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦–]|\d{1,2}[.)])\s+")
# A question about pay with commission or bonus included, and the line that states it.
_ASKS_TOTAL = re.compile(r"\b(?:in total|total (?:pay|comp\w*|earnings)|on[- ]target|OTE|commission|hit (?:my|the|our) (?:number|quota|target))\b", re.IGNORECASE)
# "Break down the monthly pay", "What makes up the package?": the rows under the pay line
_ASKS_BREAKDOWN = re.compile(r"\b(?:break\s*(?:it\s+)?down|breakdown|components?|made up|makes up|consists?|itemi[sz]e)\b", re.IGNORECASE)
_TOTAL_PAY = re.compile(r"\bon[- ]target\b|\bOTE\b|\btotal (?:comp\w*|earnings|pay|cash)\b", re.IGNORECASE)
_TOP_PAY = re.compile(
    r"\b(?:highest|best|top|most)[- ](?:paid|paying|salar\w*|pay\w*|compensat\w*)\b(?!\s+(?:time|leave|holidays?|vacation|days?))"
    r"|\bpays? (?:the )?(?:most|best)\b"
    r"|\b(?:highest|largest|biggest) (?:salar\w*|pay|wage|rate)", re.IGNORECASE)
_LOW_PAY = re.compile(
    r"\b(?:lowest|least|worst)[- ](?:paid|paying|salar\w*|pay\w*|compensat\w*)\b|\bpays? (?:the )?least\b"
    r"|\blowest (?:salar\w*|pay|wage|rate)", re.IGNORECASE)
# "Which of the two pays more?", "the higher salary range": a ranking of the roles named (of one
# role, "Does it pay more than $150k?" asks for its pay)
_MORE_PAY = re.compile(r"\b(?:higher|larger|bigger|better)[- ](?:paid|paying|salar\w*|pay\w*|compensat\w*|wages?|rates?)\b"
                       r"|\b(?:pays?|earns?) (?:the )?more\b(?! (?:into|to(?:wards?)?|for)\b)", re.IGNORECASE)  # (not "pays more into a pension")
_LESS_PAY = re.compile(r"\b(?:lower|smaller|worse)[- ](?:paid|paying|salar\w*|pay\w*|compensat\w*|wages?|rates?)\b"
                       r"|\b(?:pays?|earns?) (?:the )?less\b(?! (?:into|to(?:wards?)?|for)\b)", re.IGNORECASE)
# The words for time off a posting gives (vacation, PTO, holidays), in every pattern below; bare
# "leave" is added where parental or sick leave is told apart another way.
_TIME_OFF = r"paid time off|time off|pto|vacation|holidays?|annual leave|days off|urlaub\w*"
# "Which role offers the most paid time off?", "the fewest vacation days": a ranking of leave,
# not of pay. Parental, sick or family leave is another benefit, so such a question is not one.
_ASKS_LEAVE_RANK = re.compile(
    r"\b(most|least|fewest|longest|shortest)\s+(?:(?:paid|annual|days?|weeks?|of|vacation|holiday)\s+){0,3}"
    rf"(?:{_TIME_OFF}|leave)\b(?!\s+(?:policy|policies))", re.IGNORECASE)
# "Which gives more holiday, A or B?": a ranking of the roles named, as "pays more" is
_MORE_LEAVE = re.compile(
    r"\b(more|less|fewer|longer|shorter)\s+(?:(?:paid|annual|days?|weeks?|of|vacation|holiday)\s+){0,3}"
    rf"(?:{_TIME_OFF}|leave)\b(?!\s+(?:policy|policies))", re.IGNORECASE)
_LEAVE_STEMS = frozenset({"off", "pto", "vacat", "holiday", "leav"})
_TWO_TOPICS = re.compile(r"\b([a-z]{3,})\s+(?:and|&)\s+([a-z]{3,})\b")  # "probation and notice periods"
# "the shorter working week", "fewer hours a week", "works longer hours"
# (a count of hours, "more weekly hours", is compared as any other count is: _amount_verdict)
_WEEK_COMPARED = re.compile(r"\b(shorter|shortest|longer|longest)\s+(?:(?:standard|working|work)\s+)*week\b", re.IGNORECASE)
# A contract's term as a question asks it and as postings write it
_TERM_ASKED = re.compile(r"\b(permanent|fixed[- ]term|temporary)\b", re.IGNORECASE)
# ... asked of the postings themselves: "Which postings are permanent?", "permanent or fixed-term",
# "List the temporary jobs"; not "Which permanent roles are remote?" nor "temporary accommodation"
_TERM_QUESTION = re.compile(
    r"\b(?:are|is)\s+(?:a\s+|on\s+a\s+)?(?:permanent|fixed[- ]term|temporary)\b(?!\s+(?:accommodation|housing))"
    r"|\bpermanent\s+(?:and|or|vs\.?|versus)\s+(?:fixed[- ]term|temporary)\b|\b(?:fixed[- ]term|temporary)\s+(?:and|or|vs\.?|versus)\s+permanent\b"
    r"|\b(?:permanent|fixed[- ]term|temporary)\s+(?:contracts?|positions?|jobs?|roles?|postings?)\s*[?.]?\s*$", re.IGNORECASE)
_FIXED_SAID = re.compile(r"\bfixed[- ]term\b|\bmaximum[- ]term\b|\bplazo\s+fijo\b|\btempo\s+determinato\b|(?<!un)befristet\b|\bCDD\b"
                         r"|\btemporary\b(?!\s+(?:accommodation|housing|lodging|parking|office|visa|permit|residence|address))|\bseasonal\s+(?:contract|job|role|position)\b"
                         r"|\b\d{1,2}[- ]month\s+(?:fixed\s+)?contract\b|\bcontract\s+(?:for|of)\s+\d{1,2}\s+months\b"
                         # "1 year with prospect of permanent": permanent later, perhaps, not now
                         r"|\b(?:prospect|view|possibility|option|chance)\s+(?:of|to|for)\s+(?:a\s+|becoming\s+)?permanen", re.IGNORECASE)
_FIXED_BY_TYPE = re.compile(r"\b(?:seasonal|temporary|contract|freelance)\b", re.IGNORECASE)
_PERMANENT_SAID = re.compile(r"\bpermanent\b(?!\s+(?:resident|residency|address|makeup|marker))|\bunbefristet\b|\bindefinido\b|\btempo\s+indeterminato\b"
                             r"|\bfast\s+(?:ansettelse|stilling)\b|\bFast,|\bCDI\b|\bopen[- ]ended\s+contract\b", re.IGNORECASE)
# "How much annual leave does each posting state?", "the holidays of every job", "List the PTO of all
# six postings": each posting's time off, not a ranking
_EACH_POSTING = (r"\b(?:each|every)\b|\ball\s+(?:the\s+|of\s+the\s+)?(?:\d+\s+|two\s+|three\s+|four\s+|five\s+|six\s+|seven\s+|eight\s+)?"
                 r"(?:jobs|postings|roles|positions|listings|vacancies|openings|ads)\b|\bper\s+(?:job|posting|role|position)\b")
_LEAVE_OF_EACH = re.compile(
    rf"\b(?:{_TIME_OFF}|leave)\b(?!\s+(?:policy|policies))(?=.*(?:{_EACH_POSTING}))"
    rf"|(?:{_EACH_POSTING}).*\b(?:{_TIME_OFF}|leave)\b(?!\s+(?:policy|policies))", re.IGNORECASE)
_OTHER_LEAVE = re.compile(r"\b(?:parental|maternity|paternity|sick|family|bereavement|caregiv\w+|medical|unpaid)\b", re.IGNORECASE)
# "30 days of vacation", "25 days' annual leave", "4 weeks of paid time off", "20 days of PTO",
# "15 days (three weeks) of paid vacation".
_LEAVE_AMOUNT = re.compile(
    rf"\b(\d{{1,3}}|one|two|three|four|five|six|seven|eight|nine|ten)\+?[ -](?:working\s+|calendar\s+|business\s+)?(days?|weeks?)['’]?"
    rf"(?:\s*\([^()]{{0,30}}\))?\s+(?:of\s+)?((?:[\w-]+\s+){{0,2}}?)(?:{_TIME_OFF}|leave)\b"
    r"|\b(\d{1,3})\s+(Urlaubstage|Tage\s+(?:bezahlten\s+)?Urlaub)()"  # "30 Urlaubstage"
    # "Annual leave is 21 working days a year", "Holiday: 25 days"
    rf"|\b(?:annual\s+leave|{_TIME_OFF})\s*(?:is|of|:)\s*(\d{{1,3}})\s+(?:working\s+|calendar\s+|business\s+)?(days?|weeks?)\b()"
    # "18 earned leaves", "21 days' privilege leave" (India): days
    r"|\b(\d{1,3})\s+(?:earned|privilege)\s+leaves?\b()",
    re.IGNORECASE)
# Vacation, PTO, paid time off and holidays: one thing, whichever word a posting or question uses
# (not parental or sick leave, which are other benefits).
_LEAVE_SAID = re.compile(rf"\b(?:{_TIME_OFF})\b", re.IGNORECASE)
_WHOLLY = frozenset(content_stems("fully completely entirely totally wholly purely 100%"))
_LEGAL_FORMS = frozenset(content_stems("inc llc ltd limited gmbh corporation corp co plc ag sa bv"))
_WHAT_DOES_DO = re.compile(r"^\s*what does (?:the )?(.+?) do\b\W*$", re.IGNORECASE)
_ABOUT_HEADING = re.compile(r"\babout\b|who we are|our (?:company|mission|story)|über uns|wir sind|qui sommes|quiénes somos|sobre nosotros", re.IGNORECASE)
# "Which data scientist role asks for the least experience?", "the most years of experience":
# a ranking of the years a posting asks for ("the minimum years of experience for X" asks a fact)
_ASKS_EXPERIENCE_RANK = re.compile(
    r"\b(most|least|fewest|lowest|highest)\s+(?:(?:amount|number|years?|of|prior|professional|work|relevant|industry)\s+){0,3}"
    r"(?:experience|years)\b", re.IGNORECASE)
_NUMBER_WORDS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
# "3+ years of industry experience", "**5+ years** of experience", "3 to 5 years of experience",
# "0–2 years' experience", "at least two years of hands-on experience"; not "at least 18 years old"
_EXPERIENCE_YEARS = re.compile(
    r"\b(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s*\**\s*(?:\+|(?:[–—-]|to)\s*\d{1,2})?\s*\+?\s*(?:years?|yrs)\b\**['’]?\s+"
    r"(?:of\s+)?(?:[\w/&+-]+\s+){0,5}?experience\b"
    r"|\b(\d{1,2})\+?\s*Jahren?\s+(?:[\w-]+\s+){0,3}?\w*erfahrung", re.IGNORECASE)  # "3 Jahre Berufserfahrung"
# "No prior warehouse experience required": none asked, zero years
_NO_EXPERIENCE = re.compile(r"\bno (?:prior |previous )?(?:[\w-]+ ){0,2}experience (?:is )?(?:required|needed|necessary)\b", re.IGNORECASE)
# a wish, not what the role asks: a section "Nice to have", "Preferred", "Bonus points"; a line
# "5+ years preferred", "... is a plus" (not "ideally in marketing", which qualifies the field)
_WISHED = re.compile(r"\b(?:nice|prefer\w*|bonus|plus|ideal\w*|desir\w*)\b", re.IGNORECASE)
_WISHED_LINE = re.compile(r"\b(?:preferred|a plus|nice to have|bonus|desirable)\b", re.IGNORECASE)
# "40 hours per week", "20–28 hours a week", "a 37.5-hour week": the hours a posting states
_WEEK_HOURS = re.compile(
    r"\b(\d{1,2}(?:\.\d)?)\s*(?:(?:[–—-]|to)\s*(\d{1,2}(?:\.\d)?)\s*)?(?:hours?|hrs?)\s*(?:(?:a|per|each)\s+week|/\s*(?:week|wk)|weekly)\b"
    r"|\b(\d{1,2}(?:\.\d)?)[- ]hours?\s+(?:work\s*)?week\b", re.IGNORECASE)
# what a comparison asks as a list: a few lines of each role, not its one best
_LIST_TOPIC = re.compile(r"\b(?:benefits|perks|requirements|qualifications|responsibilities|duties|skills|tools|technologies|tech stacks?)\b", re.IGNORECASE)
# "Which products ...?" asks for names: "across Spotlight, Discover, and Friend Stories" answers it
# without the word "products", better than "Snap's video content products" does.
_NAMED_THINGS = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?(products|apps|platforms|brands|games|services)\b", re.IGNORECASE)
_NAME = r"[A-Z][\w'’&+-]*(?:\s+[A-Z][\w'’&+-]*){0,2}"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_MONTH_NAME = re.compile(rf"\b(?:{'|'.join(_MONTHS)}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")
_NAMED_LIST = re.compile(rf"(?<=\s){_NAME}(?:\s*,\s*{_NAME})*,?\s+(?:and|or|&)\s+{_NAME}(?:\s+([a-z]+))?")
_LEAVE_ALLOWANCE = re.compile(rf"\b(?:{_TIME_OFF}|leave)\s+(allowance|entitlement)\b", re.IGNORECASE)
_HOW_MUCH = re.compile(r"\bhow (long|often)\b", re.IGNORECASE)
_LINE_LABEL = re.compile(r"^[\s|*-]*([^|:\n]{1,30}?)[\s*]*(?:\||:)")
_NEW_HIRE = re.compile(r"\b(?:the|a) new (?:hire|starter|joiner|recruit)\b", re.IGNORECASE)
_WHAT_NOUN = re.compile(r"\s*what\s+(?:kind of\s+|type of\s+|sort of\s+)?([a-z]{3,})\s+(?:does|do|did|is|are|will|would|should|can)\b", re.IGNORECASE)
_JOB_NOUNS = frozenset({"job", "jobs", "role", "roles", "position", "positions", "posting", "postings", "opening", "vacancy", "gig"})
_MONEY_FOR_A_MEAL = re.compile(r"\b(?:lunch|meal|food)\s+money\b", re.IGNORECASE)
_CANDIDATE_PAYS = re.compile(r"\b(?:i|we)\s+(?:have to |need to |must |will |would )?pay\b", re.IGNORECASE)
_LEAVE_WORDS = frozenset(content_stems("vacation vacations pto holiday holidays time off"))
_SAID_IN_OTHER_SENSES = frozenset(content_stems("time off line check lunch night"))
# Visas by their names: "Employment Pass", "Skilled Worker", "H-1B", "J-1", "EU Blue Card"
_VISA = r"employment pass|[SE] pass|work pass(?:es)?|skilled worker|[HJ]-?\d[AB]?|tier 2(?= visa| sponsor| general)|blue card|LMIA"
_HOUSING = frozenset(content_stems("accommodation lodging housing"))
_HELP_TO_FIND = re.compile(r"\bhelp\w*\s+(?:you\s+)?(?:to\s+)?(?:find|search|look\w*\s+for)\b", re.IGNORECASE)
_PROVIDES = re.compile(r"\b(?:provides?|provided|providing|offers?|offered|includes?|included|gives?|comes?\s+with)\b", re.IGNORECASE)
_ASKS_HELP = re.compile(r"\b(?:help|helps|assist\w*|support\w*)\b", re.IGNORECASE)
# "work permits", "work and residence permits", "residence permit"
_PERMITS = r"(?:work|employment|residence)(?:\s+and\s+(?:work|residence))?[- ]permits?"
# "Which postings do not state a salary?", "... have no pay listed", "... without pay figures"
_LACKING = re.compile(r"\b(?:no|without|lack\w*|(?:don['’]t|do not|doesn['’]t|does not|fail to)\s+(?:have|give|state|say|list|mention|show|include|"
                      r"disclose|publish|specify))\b", re.IGNORECASE)
_STATES = re.compile(r"\bwhich\b.*\b(?:state|states|list|lists|give|gives|mention|mentions|show|shows|include|includes|disclose|discloses|publish|publishes)\b",
                     re.IGNORECASE)
_CLOSING_LINE = re.compile(r"\b(?:closing date|clos(?:es|ing) on|application deadline|deadline|apply by|applications? close|last (?:date|day) (?:to apply|for applications)"
                           rf"|{DEADLINE_LABELS})\b(?:\.{{2,}}|[^.\n]){{0,80}}?\d", re.IGNORECASE)  # (dot leaders too)
_AMOUNT_NOUNS = frozenset(stem(w) for w in "allowance bonus stipend fee subsidy discount deposit reimbursement premium supplement commission".split())
_AMOUNT_IN = re.compile(r"(?:[A-Z]{3}|[$£€₹¥₱₫₩])\s?\d[\d,.\s]*\d|\d[\d,.\s]*\d\s?(?:[A-Z]{3}|[$£€₹¥₱₫₩])")
_OPTIONAL = re.compile(r"\b(?:an? advantage|advantageous|desirable|(?:is |are )?preferred|a plus|(?:nice|good)[- ]to[- ]have|not essential|bonus points?|welcome but)\b", re.IGNORECASE)
_ASKS_AT_ONCE = re.compile(r"\b(?:as soon as (?:i|you|they|we) (?:start|join)|from (?:day one|the first day|my first day|your first day|the start)"
                           r"|on (?:day one|the first day)|immediately|right away|straight away)\b", re.IGNORECASE)
_ONLY_AFTER = re.compile(r"\b(?:after|once you(?:['’]ve| have)? (?:completed?|passed?))\s+(?:(?:your|the|a|an)\s+)?"
                         r"(?:\d+|one|two|three|four|six|twelve)?[- ]?(?:days?|weeks?|months?|years?|probation\w*|qualifying period)\b", re.IGNORECASE)
_CUED_ADJECTIVES = frozenset(content_stems("fixed set firm exact official final hard actual"))
_WORKPLACE_WORDS = frozenset(content_stems("work working home days day week weekly office hybrid remote onsite site person from time sometimes partly part occasionally"))
# What a question asks in one word and postings say in others: a sentence matching a pattern
# says each stem of its family ("retirement" is said by "401(k)", "equity" by "share options").
_SAID_AS = (
    (_LEAVE_SAID, _LEAVE_WORDS),
    # (KiwiSaver, a provident fund, the CPF too; and below, a pension's "4% employer match" is its contribution)
    (re.compile(r"\b(?:retirement|pension|superannuation|RRSP|KiwiSaver|provident fund|CPF|PPK|40[13]\s?\(?[kb]\)?)", re.IGNORECASE),
     frozenset(content_stems("retirement pension plan 401k savings"))),  # a 401(k) is a plan; "a 401k?" is asked of a pension
    # ("we put in 7% when you put in 5%", "a dollar-for-dollar match up to 4%", "we add 1.5%" are contributions too)
    (re.compile(r"\b(?:employer|company)\s+match\b|\b(?:put|puts|pay|pays|add|adds)\s+in\s+\d+(?:\.\d+)?%|\bwe\s+(?:add|match|contribute)\b"
                r"|\bmatch\w*\b[^.\n]{0,30}?\b\d+(?:\.\d+)?%", re.IGNORECASE), frozenset(content_stems("contribution contributes"))),
    (re.compile(r"\b(?:equity|stock options?|share options?|RSUs?|restricted stock|virtual shares|ESOP)\b", re.IGNORECASE),
     frozenset(content_stems("equity stock rsu"))),
    # "visa sponsorship" is said by "Employment Pass sponsorship", "Skilled Worker sponsorship", "J-1",
    # "We sponsor EU Blue Card applications"; a visa alone ("hold a visa with work rights") sponsors nothing
    (re.compile(rf"\b(?:{_VISA}|visas?|{_PERMITS})\b", re.IGNORECASE), frozenset(content_stems("visa"))),
    # ("will support LMIA and work-permit applications" sponsors too)
    (re.compile(rf"\b(?:{_VISA}|sponsorship)\b|\bsponsor\w*\b[^.\n]{{0,40}}\b(?:visas?|{_PERMITS})\b"
                r"|\bsupport\w*\b[^.\n]{0,30}\b(?:visa|work[- ]permit|LMIA)s?\b|\b(?:visa|work[- ]permit)\s+support\b"
                # (a visa the employer provides: "Employment visa and Emirates ID arranged and paid for by the company")
                r"|\b(?:employment|work|residence)\s+visas?\b[^.\n]{0,40}\b(?:arranged|provided|paid\s+for|covered|processed)\b"
                # ("We do not process work visas" sponsors none)
                r"|\b(?:we|the\s+company)\s+(?:will\s+|(?:do|will|can)\s*n[o']?t\s+|cannot\s+)?(?:provide|arrange|cover|pay\s+for|process)s?\b[^.\n]{0,20}\bvisas?\b", re.IGNORECASE),
     frozenset(content_stems("visa sponsor sponsorship"))),
    # night work is said by the hours it spans ("hours worked between 22:00 and 06:00") or in the
    # posting's language ("Nachtzuschlag", "prime de nuit", "turno de noche")
    (re.compile(r"\bnacht\w*|\bnuit\b|\bnoche\b|\bnatt\w*|\b(?:1[89]|2[0-3])[:.]\d\d\s*(?:-|–|to|and|until)\s*0?[0-7][:.]\d\d\b", re.IGNORECASE),
     frozenset(content_stems("night"))),
    # help to relocate is said by "a joining flight", "moving costs", "flights to join us", "a
    # shifting allowance" (Indian English)
    (re.compile(r"\bjoining\s+(?:flight|ticket|airfare)s?\b|\b(?:moving|shifting)\s+(?:costs|expenses|allowance)\b"
                r"|\b(?:flights?|airfares?|tickets?)\b[^.\n]{0,20}\b(?:to\s+join|on\s+joining)\b", re.IGNORECASE),
     frozenset(content_stems("relocation"))),
    # a fixed-term post is said by "Specified Purpose Contract – 11 months", "a two-year renewable contract", "maternity cover"
    (re.compile(r"\bspecified[- ]purpose\b|\bmaternity\s+(?:leave\s+)?cover\b|\b(?:\d+|one|two|three|four|six|nine|twelve|eighteen)[- ](?:month|year)\s+(?!trial\b|probation\w*\b)"
                r"(?:\w+\s+)?contract\b|\bcontract\b[^.\n]{0,20}?\b\d+\s+months\b", re.IGNORECASE), frozenset(content_stems("fixed-term"))),
    # recruiting is said by "our Bedminster branch ... is looking for an experienced funeral director"
    (re.compile(r"\b(?:is|are)\s+(?:now\s+)?(?:looking|searching)\s+for\b|\bhiring\b", re.IGNORECASE), frozenset(content_stems("recruit recruiting hire"))),
    # shifts are said by a rota or roster: "24/7 rota including nights"
    (re.compile(r"\b(?:rota|rotas|roster|rostered|rotation)\b", re.IGNORECASE), frozenset(content_stems("shift shifts"))),
    # weekend work is said by "one Saturday in four", "Sunday shifts", but not by "closed on Sundays"
    # nor by a Gulf week of "Sunday to Thursday"
    (re.compile(r"(?<!closed )(?<!closed on )(?<!except )\b(?:saturdays?|sundays?)\b(?!\s*(?:to|through|till|until|[-–—])\s*(?:mon|tue|wed|thu)\w*)",
                re.IGNORECASE), frozenset(content_stems("weekend"))),
    # a place to stay is said by "a rent-free, furnished Council house", "books and pays for your hotel"
    # ("Single ensuite room at Koodarrie Village, with all meals", "room and board", "camp accommodation")
    (re.compile(r"\b(?:accommodation|housing|lodging)\b|\b(?:single|private|shared)\s+(?:en-?suite\s+)?rooms?\b|\ben-?suite\s+rooms?\b"
                r"|\broom\s+(?:and|&)\s+board\b|\b(?:rent-free|furnished|staff|company|council|subsidi[sz]ed)\b[^.\n]{0,40}"
                r"\b(?:house|flat|apartment|room|housing|accommodation)s?\b|\b(?:pays?|cover\w*|book\w*)\b[^.\n]{0,30}\b(?:hotel|motel)s?\b", re.IGNORECASE),
     _HOUSING),
    # a language is said by its name: "Italian at C1 level or higher" asks one spoken
    (LANGUAGE_SPOKEN, frozenset(content_stems("language languages speak spoken"))),
    # a probation is said as a "trial period" ("período de prueba", "periodo di prova", "prøvetid")
    (re.compile(r"\btrial period\b|\bperíodo (?:de prueba|experimental)\b|\bperiodo di prova\b|\bprøvetid\b|\bProbezeit\b", re.IGNORECASE),
     frozenset(content_stems("probation trial period"))),
    # an email's "subject line" is said by its "subject"
    (re.compile(r"\bsubject\b(?!\s+to\b)", re.IGNORECASE), frozenset(content_stems("subject line"))),
    # a "police check" is said as a "police clearance certificate", "criminal record check", "DBS", "Garda vetting"
    (re.compile(r"\b(?:police|criminal[- ]record|background|DBS|PVG|Garda|vulnerable[- ]sector)\b[^.\n]{0,20}?\b(?:checks?|clearances?|certificates?|vetting|disclosures?)\b",
                re.IGNORECASE), frozenset(content_stems("police check background criminal record clearance vetting"))),
    # money for lunch is said as "meal vouchers", "buoni pasto", "a meal allowance", "luncheon vouchers"
    (re.compile(r"\b(?:meal|lunch|luncheon|food)\s+(?:vouchers?|allowances?|cards?|tickets?|money)\b|\bbuoni pasto\b|\btickets? restaurant\b"
                r"|\bvales? de (?:comida|despensa)\b|\bcolación\b", re.IGNORECASE),
     frozenset(content_stems("lunch meal food allowance voucher"))),
    # a lift pass is said as a "ski pass" or "season pass" at a resort
    (re.compile(r"\b(?:ski|season|lift|resort)\s+pass(?:es)?\b", re.IGNORECASE), frozenset(content_stems("lift pass"))),
    # a driving licence is said as a "driver's licence", "Current driver licence", "Code B (08) licence"
    (re.compile(r"\bdriv(?:er['’]?s?|ing)\s+licen[cs]es?\b", re.IGNORECASE), frozenset(content_stems("driver driving licence"))),
    # a bonus is said by "a 13th cheque paid in December", "Annual Wage Supplement (13th month)"
    (re.compile(r"\b13th[- ](?:cheque|check|month|salary)\b|\bannual wage supplement\b", re.IGNORECASE), frozenset(content_stems("bonus"))),
    # a training budget is said by "$1,200 CE allowance", "£500 CPD budget", "full study support"
    (re.compile(r"\b(?:training|learning|development|CPD|CE|CME|continuing education|education|study|studies|tuition|conferences?|courses?)"
                r"\b[^.\n]{0,30}\b(?:budget|allowance|fund|funding|support|stipend|reimburse\w*)\b", re.IGNORECASE),
     frozenset(content_stems("training budget study support learning development"))),
    # "health insurance" is said by "Medical, dental and vision insurance", "private medical cover"
    (re.compile(r"\b(?:medical|health(?:care)?|dental|vision)\b[^.\n]{0,40}?\b(?:insurance|cover(?:age)?|plans?|benefits)\b|\bmedical aid\b"
                r"|\b(?:private\s+)?medical\s+care\s+(?:package|plan)\b|\bHMO\b", re.IGNORECASE),
     frozenset(content_stems("health medical insurance cover"))),
)
_SAID_AS_STEMS = frozenset().union(*(family for _, family in _SAID_AS))
# "from 15 June to 21 August 2026", "March–May": a span of dates says when a role ends as well
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_SPAN = re.compile(rf"\b{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?(?:\s+\d{{4}})?\s*(?:to|until|till|through|[–—-])\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}", re.IGNORECASE)
_CLOCK = re.compile(CLOCK, re.IGNORECASE)
_REPORT_WORDS = frozenset({"report", "boss", "supervisor", "manag"})
_REPORTS_TO = re.compile(r"\breport\w*\s+(?:directly\s+|straight\s+)?(?:to|into)\b|\b(?:manager|supervisor|boss|head\s+of|director|lead(?:er)?)\b",
                         re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s)?s?\b|\b(?:tues|thurs)\b", re.IGNORECASE)
_PER_WEEK = frozenset(content_stems("per week weekly"))
# pay by the hour: "$44.00 – $52.00 CAD per hour", "£12.50/hr"
_HOURLY_RATE = re.compile(r"[$£€₹¥]\s?\d[\d,.]*(?:\s*[-–]\s*[$£€₹¥]?\s?\d[\d,.]*)?\s*(?:[A-Z]{3}\s*)?(?:per|an|a|/)\s*(?:hour|hr)\b")
# Intents whose cue finds a line only where the posting has one of its kind: a list asking for
# them ("Which postings have a closing date?") lists the postings with such a line.
_LISTED_BY_CUE = frozenset({"contact", "deadline", "eligibility"})
_REQUIRING = re.compile(r"\b(?:requir\w*|must|need\w*|essential|mandatory|necessary|minimum)\b", re.IGNORECASE)
_REQUIREMENTS_SECTION = next(i.section for i in INTENTS if i.name == "requirements")
_FIXED_TERM = frozenset(content_stems("fixed-term"))
_FIXED_AS_SAID = next(pattern for pattern, family in _SAID_AS if family == _FIXED_TERM)
_POSTINGS_COUNTED = re.compile(r"\b(?:all|the|these|those|both|of)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
                               r"(?:jobs|roles|positions|postings|openings|vacancies|ads|listings)\b", re.IGNORECASE)
_LISTED_AS = frozenset(content_stems("employer employers company companies"))
# "write a cover letter", "send my CV": the document is asked about; a posting says "no cover
# letter required" or "CV to jobs@...", not the verb
_DOCUMENT_VERB = re.compile(
    r"\b(?:write|writing|send|sending|submit|submitting|attach|attaching|upload|uploading|prepare|preparing)\s+"
    r"(?=(?:(?:a|an|the|my|your|any)\s+)?(?:cover(?:ing)?\s+letters?|motivation(?:al)?\s+letters?|letters?|cvs?|resumes?|résumés?|portfolios?"
    r"|personal\s+statements?|statements?)\b)", re.IGNORECASE)
# "relocation support", "visa assistance": the help asked about is the first noun's, which a
# posting says in its own words ("we cover relocation costs"), not "support"
_HELP_WITH = re.compile(r"\b(relocation|relocating|moving|visas?|immigration|work permits?|housing|accommodation|childcare|sponsorship)"
                        r"\s+(?:support|assistance|help|package|scheme)\b", re.IGNORECASE)
# "Is it a four-day week?", "a 4 day work week": how many days a week are worked, and a line
# that says it ("5 shifts per week", "four days a week", "a 4-day week")
_DAY_COUNT = r"(\d|one|two|three|four|five|six|seven)"
_DAYS_WEEK_ASKED = re.compile(rf"\b{_DAY_COUNT}[- ]day\s+(?:work(?:ing)?[- ]?)?week\b", re.IGNORECASE)
_DAYS_WEEK_SAID = re.compile(rf"\b{_DAY_COUNT}\s*(?:days?|shifts?)\s+(?:per|a|each)\s+week\b|\b{_DAY_COUNT}[- ]day\s+(?:work(?:ing)?[- ]?)?week\b",
                             re.IGNORECASE)
_WORKED = re.compile(r"\b(?:work\w*|shifts?|hours|schedule|rota|roster|you|arbeitszeit)\b", re.IGNORECASE)
# How the week is worked: "45 hours per week", "5 over 7 days", "4x10", "four days a week"
_WEEKLY = re.compile(r"\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six)\s*(?:hours?|hrs|days?)\s+(?:per|a|each)\s+week\b"
                     r"|\b\d\s+(?:over|out of)\s+\d\b|\b\d+\s?x\s?\d+\b", re.IGNORECASE)
_NOT_A_START = re.compile(rf"\b(?:closing date|deadline|interviews?|apply by|{DEADLINE_LABELS}|applications? (?:close|closes|closing|must be received|are due)|close[sd]? (?:at|on)|closes"
                          r"|available after|eligible after|flexible start|start(?:ing)? times?|start (?:between|from) \d{1,2}[:.]?\d{0,2}"
                          r"|(?:paid|payable|reviewed|awarded) (?:in|every))\b",
                          re.IGNORECASE)  # (a benefit "available after probation" is no start, nor a day's "flexible start between 8:00 and 10:00",
# nor a bonus "paid in November")
_AVAILABLE_FROM = re.compile(r"\bavailab\w*\s+(?:to\s+(?:start|begin|join)|from|immediately|starting|in|on|by)\b", re.IGNORECASE)
_END_WORDS = frozenset(content_stems("end ends ending finish finishes"))
# "Unlimited PTO": time off with no number, the most a posting can offer but not comparable to one.
_UNLIMITED_LEAVE = re.compile(
    rf"\b(?:unlimited|uncapped)\s+(?:(?:paid|annual)\s+)?(?:{_TIME_OFF}|leave)\b", re.IGNORECASE)
_PAY_LABEL = re.compile(
    r"^\W*(?:(?:the|our)\s+)?(?:(?:base|basic|hourly|starting|annual|weekly)\s+)?(?:salary|pay|compensation|wage|rate|stipend|ctc|gehalt|vergütung|salario|sueldo|salaire|rémunération)\s*(?:range)?"
    r"(?:\s*\([^()]{1,24}\))?"  # a gloss: "Gehalt (salary): €3,650"
    r"(?:\s*(?:for this role|for the role)?\s+is\b|\s*[:\-–])\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Years:
    """The years of experience one posting asks for: the least it accepts ("3+" and "3 to 5": 3)."""
    amount: int
    passage: Passage
    offset: int  # where it is said in passage.text


@dataclass(frozen=True)
class _Hours:
    """The hours a week one posting states, a range from ``low`` to ``high``."""
    low: float
    high: float
    passage: Passage
    offset: int


@dataclass(frozen=True)
class _Stated:
    """An amount a posting states, from ``low`` to ``high``, and where: the sentence at ``quote``
    (an offset, read only if the posting is listed: 10,000 postings state years) or ``quote`` in
    ``passage``, or a field's text to be found when ``passage`` is None; ``note`` follows it."""
    low: float
    high: float
    passage: Passage | None
    quote: str | int
    note: str = ""


@dataclass(frozen=True)
class _Leave:
    """The time off one posting states: ``amount`` days or weeks, or unlimited (None)."""
    amount: int | None
    unit: str  # "days", "weeks" or "unlimited"
    passage: Passage
    offset: int  # where it is said in passage.text


@dataclass(frozen=True)
class Unit:
    passage: Passage
    start: int  # offsets into passage.text
    end: int
    rank: int  # the passage's retrieval rank
    pair: bool = False  # two neighbouring sentences taken together

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]



class ExtractiveAnswerer:
    name = "extractive"

    def __init__(self, corpus: Corpus):
        self.corpus = corpus

    # -- entry ------------------------------------------------------------------------------
    def answer(self, shape: QuestionShape, passages: list[Passage], focus: tuple[str, ...], role_terms: frozenset[str],
               answered: tuple[str, ...], focus_is_all: bool = True) -> Draft:
        """``answered``: the focused roles to answer about (``api._answered``); the rest of
        ``focus`` still limits which roles a "which jobs" list names or a pay ranking compares,
        unless ``focus_is_all`` is False: the focus is then the first few of more postings that
        the question's words fit alike ("Which internships ...?" among 70 interns)."""
        if shape.is_injection:
            return Draft([Claim(DECLINE_INJECTION)], abstained=True)
        if not passages:
            return _abstain("There are no postings to answer from yet; ingest some first.")
        targets = self._targets(shape, passages, focus, answered)
        terms = self._question_terms(shape, targets, role_terms)
        field_intents = [i for i in shape.intents if i.field]
        # A field answers when the question asks only for fields; "Does the pay include equity?"
        # also asks about benefits, which only a sentence can answer.
        only_fields = shape.asks_fields_only
        # "Is the Acme job in Paris?": a place no posting names is still the place asked, not a topic
        place = _asks_place(shape, self.corpus.chunk_df) if all(i.name == "location" for i in shape.intents) else None
        # ("based", "located" ask where; any other word asks something else of the place)
        if place and {t for t in terms if not any(_intent_word(t, i) for i in shape.intents)} - set(content_stems(place)):
            place = None
        elif place:
            terms = []  # the place's own words are what is asked
        named = focus if focus_is_all else ()
        ranked = (self._bounded(shape, named) or self._ranked_leave(shape, named) or self._leave_of_each(shape, named)
                  or self._ranked_experience(shape, named) or self._ranked_pay(shape, named)
                  or self._contract_terms(shape, focus if len(focus) >= 2 else named) or self._weeks_compared(shape, focus))
        if ranked is not None:
            return ranked
        if asks_for_roles(shape.text):
            draft = self._list_roles(shape, named)
            if draft is not None:
                return draft
        if shape.is_yes_no and len(targets) == 1:
            verdict = self._bound_verdict(shape, targets[0]) or self._days_a_week_verdict(shape, targets[0])
            if verdict is not None:
                return Draft([verdict], abstained=False)
        # every word only asks ("salary"): none says which role, not even by describing it
        asked_only = all(t in _FILLER or t in _POINTERS or any(_intent_word(t, i) for i in shape.intents)
                         for t in content_stems(shape.text))
        if only_fields and not focus and asked_only and not place and len(self.corpus.postings) > 1:
            # "What's the salary?" with nothing to say which role: any one answer would be a guess
            return _abstain(f"Which role do you mean? There are {len(self.corpus.postings)} postings; "
                            "name a title or a company.")
        if only_fields and not focus and not place and len(self.corpus.postings) > 1:
            describing = [t for t in terms if not any(_intent_word(t, i) for i in shape.intents)]
            unheard = [t for t in describing if not self.corpus.chunk_df.get(t)]
            if unheard:
                # "What is the salary of the astronaut?": nothing names a role and no posting says
                # its words, so the best-ranked posting's pay would answer another question; nor
                # does "hospital" make the "hospital porter" a role here
                said = {stem(w.lower()): w for w in words_as_written(shape.text)}
                return _abstain(f"No posting here mentions {_join([f'“{said.get(t, t)}”' for t in unheard])}; "
                                "name a title or a company.")
        if place or only_fields or (field_intents and _fields_apart(shape)):
            unnamed = self._role_not_posted(shape, targets)
            if unnamed is not None:
                return unnamed
            pay_of = None if place else self._pay_of_something(shape, passages, targets, terms, focus)
            if pay_of is not None:
                return pay_of
            beyond = None if place else self._beyond_the_field(shape, passages, targets, terms, field_intents, focus)
            if beyond is not None:
                return beyond
            draft = self._from_fields(shape, targets, field_intents, place)
            if draft is not None and (only_fields or place or not draft.abstained):
                draft = self._by_clause(draft, shape, passages, targets, terms, focus)
                unlike = None if draft.abstained else self._role_unlike_asked(shape, targets)
                return replace(draft, claims=[unlike, *draft.claims]) if unlike else draft
        if not terms and not shape.intents:
            if shape.is_yes_no and len(targets) == 1:
                draft = self._by_title(targets[0])
                if draft is not None:
                    return draft
            return self._overview(targets)
        if shape.primary is not None and shape.primary.name == "duties" and len({self._company_of(p) for p in targets}) == 1:
            # one company's postings, however many: what it does is said of it, not of a role
            for pid in targets:
                about = self._what_the_company_does(shape, pid)
                if about is not None:
                    return about
        if any(i.name in _ROLE_TOPICS for i in shape.intents):
            # "What does the CEO of Kestrel Capital do?": its data engineer's duties would answer
            # another role's question ("Who is the recruiter for ...?" asks about no role's work)
            unnamed = self._role_not_posted(shape, targets)
            if unnamed is not None:
                return unnamed
        draft = self._each_clause(shape, passages, targets, terms, focus) or self._from_sentences(shape, passages, targets, terms, focus)
        if draft.abstained and len(targets) == 1:
            draft = self._without_unsaid_place(shape, passages, targets[0], terms, focus) or draft
        if draft.abstained and shape.is_numeric and len(targets) == 1 and terms:
            # "How much equity does it come with?" of "Competitive salary + equity": no amount,
            # but not silence either; the line is quoted and the answer still abstains
            found = self._sentence_saying(targets[0], terms)
            if found is not None:
                passage, quote = found
                return Draft([Claim(f"The posting states no amount; it only says: “{_BULLET.sub('', quote)}”", passage, (quote,))],
                             abstained=True)
        if draft.abstained and field_intents and not shape.is_yes_no:
            draft = self._fields_and_silence(shape, targets, field_intents, terms) or draft
        if draft.abstained and _ASKS_IF_POSTED.search(shape.text):
            # "Is there a programmer job?": that no posting is for one says more than "the postings
            # don't say" (but "Who is the recruiter for the Kestrel job?" does not ask for one)
            return self._role_not_posted(shape, targets) or draft
        return draft

    def _each_clause(self, shape: QuestionShape, passages: list[Passage], targets: list[str], terms: list[str],
                     focus: tuple[str, ...]) -> Draft | None:
        """"When do applications close, and when does mobilisation start?": two questions of one
        posting that no field answers, each answered by its own line (one line for both would
        leave one unanswered), or said to be unanswered. None unless two clauses ask different
        things (intents or words), or when neither is answered."""
        # (a clause asks by its intents or by its own words: "What does it contribute towards
        # medical aid and retirement?" is two questions, one line answering "contributes" both)
        asked = [(intents, frozenset(set(content_stems(c)) & set(terms))) for c, intents in _clause_intents(shape)]
        asked = [(intents, own) for intents, own in asked if intents or own]
        if len(targets) != 1 or len(asked) < 2 or any(i.field for intents, _ in asked for i in intents):
            return None
        if len({(frozenset(i.name for i in intents), own) for intents, own in asked}) < 2:
            return None  # ("Where do I apply, and what do I attach?": one by its intent, one by its words)
        # each clause as _by_clause answers the clauses after a field's answer, from nothing
        draft = self._by_clause(Draft([], abstained=False), shape, passages, targets, terms, focus)
        return draft if any(c.passage for c in draft.claims) else None

    def _without_unsaid_place(self, shape: QuestionShape, passages: list[Passage], pid: str, terms: list[str],
                              focus: tuple[str, ...]) -> Draft | None:
        """"Will they fly me to site from Brisbane?" of a posting that never says Brisbane: what it
        says of the rest ("flights depart from Perth Airport only"), after saying that it does not
        mention the place, rather than nothing."""
        said = self.corpus.posting_stems.get(pid, frozenset())
        for place in find_places(shape.text):
            stems = set(content_stems(place))
            rest = [t for t in terms if t not in stems]
            if not stems or stems & said or not rest or len(rest) == len(terms):
                continue
            draft = self._from_sentences(shape, passages, [pid], rest, focus)
            if not draft.abstained:
                # the whole of a quoted list item: its note may say what the place means ("Please
                # note: flights depart from Perth Airport only")
                claims = [self._whole_item(c) for c in draft.claims]
                return replace(draft, claims=[Claim(f"The posting for {self.corpus.label(pid)} does not mention {place}."), *claims])
        return None

    @staticmethod
    def _whole_item(claim: Claim) -> Claim:
        """``claim`` quoting the whole list item its one quoted sentence opens, when the item goes
        on after it on the same line."""
        if claim.passage is None or len(claim.quotes) != 1:
            return claim
        text, quote = claim.passage.text, claim.quotes[0]
        at = text.find(quote)
        end = text.find("\n", at) if at >= 0 else -1
        line = text[at:end if end >= 0 else len(text)]
        shown = _BULLET.sub("", quote)
        if at < 0 or not _is_bullet(quote) or len(line) <= len(quote) or shown not in claim.text:
            return claim
        return replace(claim, text=claim.text.replace(shown, _BULLET.sub("", line), 1), quotes=(line,))

    # -- who is asked about -----------------------------------------------------------------
    def _targets(self, shape: QuestionShape, passages: list[Passage], focus: tuple[str, ...],
                 answered: tuple[str, ...]) -> list[str]:
        ranked = list(dict.fromkeys(p.posting_id for p in passages))
        if shape.is_comparison:
            chosen = list(focus) if len(focus) >= 2 else list(dict.fromkeys(list(focus) + ranked))
            return chosen[: max(2, len(focus))][:5]
        if answered:
            return list(answered)
        return ranked[:1]

    def _question_terms(self, shape: QuestionShape, targets: list[str], role_terms: frozenset[str]) -> list[str]:
        # Words that name the roles asked about (title, company, places) are not what is asked.
        target_vocab: set[str] = set()
        place_vocab: set[str] = set()
        for pid in targets:
            target_vocab |= self.corpus.naming_terms.get(pid, set())
            fields = self.corpus.postings.get(pid)
            if fields:
                place_vocab |= set(content_stems(" ".join(fields.locations)))
                target_vocab |= place_vocab | set(content_stems(fields.employment_type or ""))
        # A role described rather than named ("the leadership-level job building video
        # recommendation systems"): when the posting answered holds most of the description, its
        # words say which role, not what is asked.
        described = set(content_stems(role_description(shape.text).text))
        held = set().union(*(self.corpus.posting_stems.get(pid, frozenset()) for pid in targets)) if described else set()
        if len(described & held) * 2 < len(described):
            described = set()
        # A capitalised word after the first is a name ("need Go?"), even where the word is filler.
        named = {stem(w.lower()) for w in re.findall(r"(?<=\s)[A-Z][\w+#]*", shape.text)}
        # The user's own job noun after the role's words ("the Flussbau backend developer" of a
        # "Backend-Entwickler") says which role, not what is asked about it.
        said = _said_words(shape.text)
        acronyms = {t for w, t in said if len(w) > 1 and w.isupper()}
        role_nouns = {t for (_, before), (_, t) in zip(said, said[1:])
                      if t in _ROLE_NOUN_STEMS and any(stems_match(before, v) for v in target_vocab)}
        # "How long is paid parental leave?": "long" asks for an amount (a number must answer,
        # see is_numeric), not for the word; the duration intent, which owns it, is not asked here.
        how = {stem(w.lower()) for w in _HOW_MUCH.findall(shape.text)}
        # "holiday allowance" is the time off, not an allowance paid ("on-call allowance")
        how |= {stem(w.lower()) for w in _LEAVE_ALLOWANCE.findall(shape.text)}
        if _MONEY_FOR_A_MEAL.search(shape.text):
            how.add("money")  # "lunch money" is a meal allowance, which a line need not call money
        if any(i.name == "salary" for i in shape.intents) and TAKE_HOME_PAY.search(shape.text):
            how |= {"take", "home"}  # "What would I take home?" asks the pay, not for a "take-home task"
        if any(i.name == "cost" for i in shape.intents) and _CANDIDATE_PAYS.search(shape.text):
            how.add("pay")  # "or do I pay for it myself?" asks the cost; the line need not say "pay"
        if any(i.name in ("start", "duration") for i in shape.intents):
            how |= {"run", "last"}  # "When does the internship run?" asks for dates, not the word "run"
        # "at least 5 years of experience": a stated amount meets the bound or not (_bound_verdict);
        # "least" and "5" need not be in the sentence, "years" and "experience" must
        bound = shape.bound
        bounding = set(content_stems(shape.text[slice(*bound.amount_span)])) if bound else set()
        # "as a picker at the Sparks warehouse": where the role is worked says which role, not what is asked
        workplace = {stem(m.group(1).lower()) for m in _AT_WORKPLACE.finditer(shape.text)}
        # "Which employer contributes more ...?": the employer is the role asked about, not a word to
        # say; "the new hire" is the candidate
        pointing = set(content_stems("new hire")) if _NEW_HIRE.search(shape.text) else set()
        if re.match(r"\s*(?:which|what)\s+(?:employer|company)\b", shape.text, re.IGNORECASE):
            pointing.update(content_stems("employer company"))
        # "the kenya farm gig": the words before a job word name the role with the one that named it
        placed = set()  # "lucca museum job - do they give u lunch money?": the role's town and what it is there
        for m in THE_X_JOB.finditer(shape.text):
            phrase = content_stems(m.group(1))
            if any(t in role_terms or any(stems_match(t, v) for v in target_vocab) for t in phrase):
                workplace.update(phrase)
                if any(t in place_vocab for t in phrase):
                    placed.update(phrase)
        # "sponsor my H-1B?" asks about a visa, which a posting may name only as "employment visas"
        visa_names = [m.group(0) for m in re.finditer(rf"\b(?:{_VISA})\b", shape.text, re.IGNORECASE)]
        text = _DOCUMENT_VERB.sub(" ", shape.text)
        for name in visa_names:
            text = text.replace(name, "visa")
        # the noun a "What ...?" asks for, though the title says it too (not a job's noun: "What
        # nurse job ...?" names the role)
        what = _WHAT_NOUN.match(shape.text)
        asked_noun = stem(what.group(1).lower()) if what and what.group(1).lower() not in ROLE_NOUNS | _JOB_NOUNS else None
        names = [f"{self.corpus.postings[p].company or ''} {self.corpus.postings[p].title or ''}" for p in targets if p in self.corpus.postings]
        initials = {t for t in content_stems(text) if len(t) >= 2 and any(says_initials(t, name) for name in names)}
        terms = []
        for t in dict.fromkeys(content_stems(text)):
            if (t in described and shape.intents) or t in role_nouns or t in bounding or (t in workplace and shape.intents) or t in placed or t in pointing:
                continue
            if t in how and not any(_intent_word(t, i) for i in shape.intents):
                continue
            if t == asked_noun:
                terms.append(t)  # "What rotation does the Vestkyst technician work?" of a "(14/14 rotation)" title
                continue
            if t == "pay" and not any(i.name == "salary" for i in shape.intents):
                continue  # "What supplement does it pay for night work?": the verb that asks
            if (t in role_terms or t in _POINTERS or (t in _FILLER and t not in named) or any(stems_match(t, v) for v in target_vocab)
                    or t in initials):  # "the DRSS signalling engineer" of "Deccan Rail Signalling Systems"
                continue
            if len(t) <= 3 and not t.isdigit() and t not in self.corpus.chunk_df and not t.isupper() and t not in acronyms:
                continue  # "wat", "abt": noise the corpus never uses, not a topic ("PTO" is one)
            terms.append(t)
        return terms

    def _role_not_posted(self, shape: QuestionShape, targets: list[str]) -> Draft | None:
        """"What is the salary of the CEO at Acme?" when Acme posts only a Product Manager: the
        question names a role (by a job noun, or by a word of some posting's title or before
        "role"/"job" that their text does not have) that none of the postings answered is for,
        and none of their titles shares a word with the question. Their fields would answer
        another role's question, so the answer says what there is instead. "the Flussbau backend
        developer" still answers "Backend-Entwickler": "backend" is in that title."""
        titles = {t for pid in targets for t in content_stems(self.corpus.postings[pid].title or "")
                  if pid in self.corpus.postings}
        said = _said_words(shape.text)
        if not targets or any(stems_match(t, x) or x in _SAME_JOB_STEMS.get(t, ()) for _, t in said for x in titles):
            return None
        missing = self._unposted_role_words(shape, targets, said, job_nouns=True)
        if not missing:
            return None
        role = " ".join(dict.fromkeys(missing))
        # "Juniper Foods" and "Juniper Foods GmbH": a company may be written two ways, or the name
        # said may fit two companies; up to three, all begun by a word the question says
        companies = sorted({self.corpus.postings[pid].company or "" for pid in targets if pid in self.corpus.postings})
        heads = {self.corpus.company_head.get(pid, "") for pid in targets}
        said_stems = {t for _, t in said}
        if not 1 <= len(companies) <= 3 or len(heads) != 1 or not all(
                (first := words_as_written(c)[:1]) and stem(first[0].lower()) in said_stems for c in companies):
            return _abstain(f"No posting here is for “{role}”.")
        # the company was named: say what it does post, so the user can ask again
        same_head = self.corpus.postings_by_head.get(heads.pop(), ())
        titles_there = sorted({self.corpus.postings[p].title or p for p in same_head if self.corpus.postings[p].company in companies})
        shown = [f"“{t}”" for t in titles_there[:8]]
        more = f" and {len(titles_there) - 8} more" if len(titles_there) > 8 else ""
        listed = ", ".join(shown) + more if more else _join(shown)
        whose = "its" if len(companies) == 1 else "their"
        which = f"{whose} posting is for" if len(titles_there) == 1 else f"{whose} postings are for"
        at = companies[0] if len(companies) == 1 else ", ".join(companies[:-1]) + " or " + companies[-1]
        return _abstain(f"No posting at {at} is for “{role}”; {which} {listed}.")

    def _unposted_role_words(self, shape: QuestionShape, targets: list[str], said: list[tuple[str, str]],
                             job_nouns: bool) -> list[str]:
        """The words of the question (as written, with their stems) that name a role but that the
        postings answered do not say: a word of some posting's title or before "role"/"job"; with
        ``job_nouns``, also a job noun even where the posting says it ("report to our CEO"), else
        no job noun."""
        naming = set().union(*(self.corpus.naming_terms.get(pid, set()) for pid in targets))
        text = set().union(*(self.corpus.posting_stems.get(pid, frozenset()) for pid in targets))
        before_role = {t for m in _NAMED_ROLE.finditer(shape.text) for t in content_stems(m.group(1))}
        # "the truck garage job" of a posting that says "truck": a word no posting says at all
        # beside one the posting says describes it, names no other role
        loose = {t for m in _NAMED_ROLE.finditer(shape.text) if any(w in text for w in content_stems(m.group(1)))
                 for t in content_stems(m.group(1)) if t not in self.corpus.chunk_df}
        return [
            word for word, t in said if t not in loose
            # "physio" is the "Physiotherapist" of the title: a short form it starts with
            if t not in naming and not any(stems_match(t, n) for n in naming)
            and t not in _POINTERS and t not in _FILLER and t not in self.corpus.place_vocab
            and not any(_intent_word(t, i) for i in shape.intents)
            # a title's word or a word before "role" only where the posting does not say it ("the
            # summer placement" of an internship)
            and ((job_nouns and t in _ROLE_NOUN_STEMS) or ((t in self.corpus.title_vocab or t in before_role) and t not in text))
            # else only what sets one role apart ("night shift", "senior"): a job noun the posting
            # does not say is most often its synonym ("developer" of a "Backend-Entwickler")
            and (job_nouns or t not in _ROLE_NOUN_STEMS)
        ]

    def _role_unlike_asked(self, shape: QuestionShape, targets: list[str]) -> Claim | None:
        """"the night shift nurse at Riverbend" answered by Riverbend's only nurse posting, a home
        health one: a note that its posting does not say "night shift", so the answer is not read
        as that role's. Only where a word of its title was said (else ``_role_not_posted``)."""
        if len(targets) != 1 or targets[0] not in self.corpus.postings:
            return None
        said = _said_words(shape.text)
        missing = self._unposted_role_words(shape, targets, said, job_nouns=False)
        if not missing:
            return None
        words = " ".join(dict.fromkeys(missing))
        return Claim(f"The posting answered, {self.corpus.label(targets[0])}, does not say “{words}”.")

    # -- structured fields ------------------------------------------------------------------
    def _from_fields(self, shape: QuestionShape, targets: list[str], intents: list, place: str | None) -> Draft | None:
        claims: list[Claim] = []
        answered = False
        for pid in targets:
            fields = self.corpus.postings.get(pid)
            if fields is None:
                continue
            label = self.corpus.label(pid)
            if place:
                claim = self._place_claim(fields, label, place, shape)
                claims.append(claim)
                answered |= claim.passage is not None
                continue
            for intent in intents[:2]:
                claim = self._field_claim(fields, label, intent.field, shape)
                if claim is None and intent.name == "salary":
                    claim = self._pay_without_figure(pid, label)
                if claim is None:
                    claims.append(self._not_stated(pid, label, _FIELD_NAMES[intent.field]))
                else:
                    claims.append(claim)
                    answered = True
                    if intent.name == "salary" and _ASKS_BREAKDOWN.search(shape.text):
                        claims += _package_rows(claim)
                    elif intent.name == "salary" and _ASKS_TOTAL.search(shape.text):
                        claims += self._total_pay(pid, claim)
                    elif intent.name == "salary":
                        claims += self._pay_added(claim)
        if not claims:
            return None
        if not answered and shape.primary and shape.primary.field == "company":
            return None  # fall back to sentences about the company
        return Draft(_one_verdict(claims), abstained=not answered)

    def _pay_of_something(self, shape: QuestionShape, passages: list[Passage], targets: list[str], terms: list[str],
                          focus: tuple[str, ...]) -> Draft | None:
        """"Is overtime paid?", "What is the rate per mile?", "Is orientation paid?": pay of
        something the salary line does not mention is answered by the sentence that does, when
        one does; the headline salary would answer another question."""
        if not any(i.name == "salary" for i in shape.intents) or _ASKS_TOTAL.search(shape.text):
            return None
        if len(_clause_intents(shape)) > 1:
            return None  # "What is the salary, and is there a learning budget?": two questions (_by_clause)
        extra = [t for t in terms if not t.isdigit() and t not in _PAY_ASKING and not any(_intent_word(t, i) for i in shape.intents)]
        # "the 4-day week Go engineer": words of the title describe the role, not a thing paid for
        titles = set(content_stems(" ".join(self.corpus.postings[p].title or "" for p in targets if p in self.corpus.postings)))
        extra = [t for t in extra if t not in titles]
        if not extra:
            return None
        for pid in targets:
            fields = self.corpus.postings.get(pid)
            if fields is not None and fields.salary is not None:
                _, line = self._pay_line_asked(pid, shape)
                said = set(content_stems(line or fields.salary.text))
                if all(any(stems_match(t, s) for s in said) for t in extra):
                    return None  # "What is the base salary in USD?": the pay line says it
        draft = self._from_sentences(shape, passages, targets, terms, focus)
        # the sentence must speak of pay: "Our maths department has 14 teachers" is no pay of maths
        quoted = [q for c in draft.claims for q in c.quotes]
        if draft.abstained or not quoted or not all(_SPEAKS_OF_PAY.search(q) for q in quoted):
            return None
        return draft

    def _beyond_the_field(self, shape: QuestionShape, passages: list[Passage], targets: list[str], terms: list[str],
                          field_intents: list, focus: tuple[str, ...]) -> Draft | None:
        """"Is there parking at the Ottawa office?", "Is a permanent job guaranteed at the end?":
        a yes/no that asks of something the field's line does not say. A sentence that says it
        answers; else the field, and that the posting says nothing of the rest; the office
        policy alone would read as the answer about parking."""
        if not shape.is_yes_no or len(targets) != 1 or targets[0] not in self.corpus.postings:
            return None
        if len(_clause_intents(shape)) > 1:
            return None  # "Is there on-call, and is it paid?": two questions (_by_clause)
        fields = self.corpus.postings[targets[0]]
        values = [getattr(fields, i.field) for i in field_intents]
        said = set(content_stems(" ".join(v if isinstance(v, str) else " ".join(map(str, v)) if isinstance(v, tuple)
                                           else getattr(v, "text", "") for v in values if v)))
        said |= set(content_stems(fields.title or "")) | _initials(fields.title or "")  # "the CSM" of a Customer Success Manager
        period = pay_period_asked(shape.text)
        money = {stem(w.lower()) for m in CURRENCY_NAME.finditer(shape.text) for w in m.group(0).split()}
        extra = [t for t in terms if not t.isdigit() and t not in _PAY_ASKING and t not in money and t not in _FILLER and t not in _WHOLLY
                 and not any(_intent_word(t, i) for i in INTENTS) and not any(stems_match(t, v) for v in said)
                 and not (period and t in content_stems(shape.text[slice(*period[1])]))]
        if not extra:
            return None
        more = self._from_sentences(shape, passages, targets, terms, focus)
        quoted = set(content_stems(" ".join(q for c in more.claims for q in c.quotes)))
        if not more.abstained and all(any(stems_match(t, s) for s in quoted) for t in extra):
            return more
        draft = self._from_fields(shape, targets, field_intents, None)
        if draft is None or draft.abstained:
            return Draft([self._silence(shape, targets, set(extra))], abstained=True)
        return Draft(draft.claims + [self._silence(shape, targets, set(extra))], abstained=False)

    def _by_clause(self, draft: Draft, shape: QuestionShape, passages: list[Passage], targets: list[str],
                   terms: list[str], focus: tuple[str, ...]) -> Draft:
        """"How long is the contract, and can it be extended?", "What is the salary, and what team
        is it on?": after the fields, each clause that asks for no field is answered by a
        sentence, or said to be unanswered, as if asked alone."""
        if draft.abstained:
            return draft
        claims = list(draft.claims)
        for clause, intents in _clause_intents(shape):
            if intents and all(i.field for i in intents):
                continue
            stems = set(content_stems(clause))
            rest = [t for t in terms if t in stems]
            asked = tuple(i for i in intents if not i.field)
            if not rest and not asked:
                continue
            # "How long ..." asked for a number; "can it be extended?" does not
            more = self._from_sentences(replace(shape, intents=asked, is_numeric=False), passages, targets, rest, focus)
            if more.abstained:
                claims.append(self._silence(shape, targets, set(rest)))
                continue
            quoted = {q for c in claims for q in c.quotes}
            claims += [c for c in more.claims if c.passage and not quoted & set(c.quotes)]
        return Draft(claims, abstained=False)

    def _fields_and_silence(self, shape: QuestionShape, targets: list[str], field_intents: list,
                            terms: list[str]) -> Draft | None:
        """"Where is the role, and is there a bonus?" when no sentence says anything of a bonus:
        the fields asked for, and that the posting is silent on the rest, rather than nothing."""
        fields = self._from_fields(shape, targets, field_intents, None)
        if fields is None or fields.abstained:
            return None
        rest = {t for t in terms if not t.isdigit() and not any(_intent_word(t, i) for i in field_intents)}
        return Draft(fields.claims + [self._silence(shape, targets, rest)], abstained=False)

    @staticmethod
    def _silence(shape: QuestionShape, targets: list[str], rest: set[str]) -> Claim:
        """That the postings say nothing of these asked words, in the question's own words."""
        words = re.findall(r"[^\W_][\w-]*", shape.text)
        runs: list[list[str]] = []  # neighbouring asked words are one phrase: "dental coverage"
        for n, w in enumerate(words):
            if stem(w.lower()) in rest:
                if runs and n > 0 and stem(words[n - 1].lower()) in rest:
                    runs[-1].append(w.lower())
                else:
                    runs.append([w.lower()])
        said = list(dict.fromkeys(" ".join(run) for run in runs))
        where = "the postings" if len(targets) > 1 else "the posting"
        return Claim(f"I couldn't find anything about {_join(said)} in {where}." if said else
                     f"I couldn't find the rest of the question in {where}.")

    def _field_claim(self, fields: PostingFields, label: str, name: str, shape: QuestionShape | None = None) -> Claim | None:
        """A claim stating one field, citing the passage it was read from; ``shape`` lets a
        yes/no question about remote work get its yes or no."""
        value = getattr(fields, name)
        if not value:
            return None
        pid = fields.posting_id
        if name == "salary":
            passage, quote = self._pay_line_asked(pid, shape) if shape else (None, "")
            picked = passage is not None
            if not picked:
                passage, quote = self._find(pid, value.text)
            if passage is None:
                return None
            stated = _PAY_LABEL.sub("", _tidy_pay_line(quote)) if picked or value.text in quote else value.text
            return Claim(f"The pay for {label} is {stated}", passage, (quote,))
        if name == "locations":
            passage, quote = self._find(pid, value[0])
            if passage is None:
                return None
            listed = [loc for loc in value if loc.lower() in passage.text.lower()]
            return Claim(f"{label} is based in {_join(listed)}", passage, (self._sentence_with(passage, value[0]),))
        if name == "duration":
            number = value.split()[0]
            passage, quote = self._find_regex(pid, rf"\b{re.escape(number)}[- ](?:{value.split()[1].rstrip('s')})s?\b")
            if passage is None:
                return None
            return Claim(f"{label} lasts {value}: “{quote}”", passage, (quote,))
        if name == "office_policy":
            passage, quote = self._find(pid, value)
            if passage is None:
                return None
            prefix = ""
            asked = [t for t in content_stems(shape.text) if t in {"remot", "hybrid", "onsit"}] if shape else []
            # "hybrid or remote?" asks which, not whether: the policy is the answer, without a yes
            either = shape is not None and re.search(r"\b(?:remote|hybrid|on-?site|in[- ]office)\s+or\s+\w", shape.text, re.IGNORECASE)
            if shape is not None and shape.is_yes_no and asked and not either:
                hit = any(stem(w) in asked for w in re.findall(r"[\w-]+", value))
                if hit:
                    prefix = "No. " if _NEGATION.search(value) else "Yes. "
            return Claim(f"{prefix}For {label}: “{value}”", passage, (value,))
        if name == "employment_type":
            pattern = {"internship": r"\bintern(?:ship)?\b", "full time": r"\bfull[- ]time\b", "part time": r"\bpart[- ]time\b",
                       "contract": r"\bcontract(?:or)?\b|\bfixed[- ]term\b", "temporary": r"\btemporary\b|\bseasonal\b"}.get(value, re.escape(value))
            passage, quote = self._find_regex(pid, pattern)
            return Claim(f"{label} is {'an' if value[0] in 'aeiou' else 'a'} {value} position", passage, (quote,)) if passage else None
        if name == "title":
            passage, quote = self._find(pid, value)
            whose = f"the {fields.company} posting" if fields.company else "the posting"
            return Claim(f"The title of {whose} is “{value}”", passage, (quote,)) if passage else None
        if name == "requisition_id":
            passage, quote = self._find(pid, value)
            return Claim(f"The requisition ID for {label} is {value}", passage, (quote,)) if passage else None
        if name == "company":
            passage, quote = self._find(pid, value)
            return Claim(f"{fields.title or label} is at {value}", passage, (self._sentence_with(passage, value),)) if passage else None
        return None

    def _pay_line_asked(self, pid: str, shape: QuestionShape) -> tuple[Passage | None, str]:
        """The one pay line of several that the question picks by a word only that line has:
        "... the salary if I live in Canada?" of "United States: $115,000 ..." and "Canada: CAD
        $130,000 ...". The posting's pay field is its first line, which answers another question."""
        pay_heading = next((i.section for i in shape.intents if i.field == "salary" and i.section), None)
        if pay_heading is None or _ASKS_TOTAL.search(shape.text):
            return None, ""  # a total is the base and what comes on top: ``_total_pay``
        lines: dict[str, Passage] = {}  # the pay lines: in a pay section or labelled as pay
        for passage in self.corpus.by_posting.get(pid, []):
            in_pay_section = bool(pay_heading.search(passage.section))
            heading = [Section(passage.section, passage.text, 0, len(passage.text))]
            for line in passage.text.split("\n"):
                line = line.strip()
                if (line and line not in lines and any(ch.isdigit() for ch in line) and not is_instruction(line)
                        and (in_pay_section or _PAY_LABEL.match(_BULLET.sub("", line))) and extract_salary(line, heading)):
                    lines[line] = passage
        if len(lines) < 2:
            return None, ""
        # the words that name the role pick nothing: "the night shift nurse" is not asking for the
        # "Night shift differential: $6.50/hour" line of the "Registered Nurse (Night Shift)"
        fields = self.corpus.postings[pid]
        asked = set(content_stems(shape.text)) - set(content_stems(f"{fields.title or ''} {fields.company or ''}"))
        # nor do the words that ask for pay: "What is the pay ...?" is not the line "... pays for your hotel"
        asked = {t for t in asked if not any(_intent_word(t, i) for i in shape.intents)}
        stems_of = {line: set(content_stems(line)) for line in lines}
        picked = [line for line, own in stems_of.items()
                  if asked & (own - set().union(*(s for other, s in stems_of.items() if other != line)))]
        return (lines[picked[0]], picked[0]) if len(picked) == 1 else (None, "")

    def _pay_without_figure(self, pid: str, label: str) -> Claim | None:
        """"Competitive salary + equity": what a posting says of pay when it gives no figure. A
        sentence with a pay word, best in a pay section; else a pay section's first sentence
        ("Competitive, depending on experience."). The company's name is no pay word ("Bluefin
        Pay GmbH")."""
        fields = self.corpus.postings.get(pid)
        company = fields.company if fields and fields.company else None
        found: list[tuple[int, int, Passage, str]] = []
        for passage in self.corpus.by_posting.get(pid, []):
            pay_section = bool(_PAY_WORD.search(passage.section))
            only_pay = pay_section and not re.search(r"benefit|perk", passage.section, re.IGNORECASE)
            for a, b in sentences(passage.text):
                text = passage.text[a:b]
                if is_instruction(text):
                    continue
                # a pay section's own line ("Salary: Competitive, DOE") before a pay word elsewhere
                # ("a bonus of up to 15% of salary")
                if _PAY_WORD.search(_PERK_MONEY.sub(" ", text.replace(company, " ") if company else text)):
                    found.append((0 if pay_section else 2, len(found), passage, text))
                elif only_pay:
                    found.append((1, len(found), passage, text))
        if not found:
            return None
        _, _, passage, text = min(found, key=lambda f: f[:2])
        return Claim(f"The posting for {label} gives no pay figure; it says: “{text}”", passage, (text,))

    def _title_words_asked(self, shape: QuestionShape, place_stems: set[str], asked: tuple[int, int] | None = None,
                           job_nouns: bool = False) -> list[str]:
        """Words of the question that name a kind of role ("machine learning engineer"), which a
        title must have; not those that ask something ("on-site" is not the "Site Reliability
        Engineer", "the most paid time off" not a "Part-Time" role), given by the intents' words
        and ``asked``. With ``job_nouns``, also a job noun no title has ("barista"): it names a
        role that none is."""
        spans = trigger_spans(shape.text) + ([asked] if asked else [])
        spans += offered_spans(shape.text)  # "Which jobs involve weekend work?" is no "(Weekends)" title
        asking = "".join(" " if any(a <= n < b for a, b in spans) else ch for n, ch in enumerate(shape.text))
        return [t for t in content_stems(asking) if (t in self.corpus.title_vocab or (job_nouns and t in _ROLE_NOUN_STEMS))
                and t not in place_stems and t not in _POINTERS and t not in _FILLER and t not in {"intern", "internship"}]

    def _list_roles(self, shape: QuestionShape, focus: tuple[str, ...]) -> Draft | None:
        """"Which jobs are there in Berlin?": the postings (of those named, if any) whose fields
        match what the question asks for."""
        places = {p.lower() for p in find_places(shape.text)}
        kinds = {i.name for i in shape.intents}
        text = shape.text.lower()
        # "Which jobs are in Europe?": a country or region, read from each posting's places (and
        # its currency where no list knows the place), not the word in its text
        region = region_asked(shape.text) if not places else None
        outside = bool(region and re.search(r"\b(?:outside|out of|beyond)\s+(?:of\s+)?(?:the\s+)?$", shape.text[:region[1][0]], re.IGNORECASE))
        if region and focus:
            # "outside the US" named the postings whose place says "US": the region, not a role
            said = shape.text[slice(*region[1])].lower()
            if all(re.search(rf"\b{re.escape(said)}\b", self.corpus.locations_text.get(pid, "")) for pid in focus):
                focus = ()
        place_stems = set(content_stems(" ".join(places) + (" " + shape.text[slice(*region[1])] if region else "")))
        title_vocab = self.corpus.title_vocab  # the stems of every title, kept with the corpus
        # "Which roles pay by the hour?": the pay field's period, not "hours" anywhere in the text
        # (nor "months" in a title: "Data Engineer (Contract, 6 months)")
        period = pay_period_asked(shape.text)
        period_stems = set(content_stems(shape.text[slice(*period[1])])) if period else set()
        # "a language other than English": the postings that ask for another one, whether or not
        # any says English (or a title: "Tour Guide (English)")
        besides = BESIDES.search(shape.text)
        besides = besides.group(1).lower() if besides and LANGUAGE.fullmatch(besides.group(1)) else None
        wanted_title = self._title_words_asked(shape, place_stems | period_stems | ({stem(besides)} if besides else set()))
        # "Which jobs pay in euros?": a currency's name is answered by the pay field's currency
        # (postings write "€", not "euros").
        named_currencies = list(CURRENCY_NAME.finditer(shape.text))
        currencies = {code for m in named_currencies for code in CURRENCIES[m.lastgroup]}
        currency_words = {w for m in named_currencies for w in m.group(0).lower().split()}  # "us", "dollars"
        field_words = {s for i in shape.intents if i.field for s in i.synonyms}
        # ("closing dates" are found by the deadline's cue, in postings that say "Scadenza")
        asked_by_cue = {s for i in shape.intents if i.name in _LISTED_BY_CUE for s in i.synonyms}
        # "of all six postings", "the two roles": how many the user sees, no figure a posting must say
        uncounted = _NEW_HIRE.sub(" ", _DOCUMENT_VERB.sub(" ", _HELP_WITH.sub(r"\1", _POSTINGS_COUNTED.sub(" ", shape.text))))
        unknown = [  # "salary" is asked of the pay field, which a posting may head "Pay"
            w for w in re.findall(r"[^\W\d_]{3,}", uncounted)
            if w.lower() not in STOPWORDS and stem(w.lower()) not in _FILLER | _POINTERS | field_words | asked_by_cue
            and stem(w.lower()) not in self.corpus.chunk_df and w.lower() not in currency_words
            and stem(w.lower()) not in _SAID_AS_STEMS  # "retirement" may be said as "401(k)"
            and stem(w.lower()) not in place_stems and w.lower() != besides
        ]
        # "visas or work permits": a side of an "or" no posting says leaves the other side asked
        unknown = [w for w in unknown if not re.search(rf"\bor\s+(?:\w+\s+){{0,2}}{w}\b|\b{w}(?:\s+\w+){{0,2}}\s+or\b", shape.text, re.IGNORECASE)]
        if unknown:  # "Which jobs are in Reykjavik?": no posting says that word at all
            return _abstain(f"No posting mentions {unknown[0]}.")
        kind = _asked_kind(shape)
        # "Which roles offer equity?": words that no field answers must be in the posting's text;
        # each posting listed cites the sentence that says them.
        offered = set(content_stems(" ".join(shape.text[a:b] for a, b in offered_spans(shape.text))))
        said = [
            t for t in content_stems(uncounted)
            if t.isalpha() and (t not in title_vocab or t in offered) and t not in place_stems and t not in _POINTERS and t not in _FILLER
            and t not in {"intern", "internship"} and t not in field_words and not (kind and stems_match(t, stem(kind.split()[0])))
            and not any(i.trigger.fullmatch(t) for i in shape.intents if i.field)
            and not any(stems_match(t.lower(), stem(w)) for w in currency_words) and t not in period_stems
            and not ("office" in kinds and t in _WHOLLY)  # "fully remote" is remote: the policy says it
            and t not in _LISTED_AS  # "Which employers sponsor visas?": the postings' employers are listed
            # "Which jobs pay a bonus?": "pay" that asks no salary offers what follows, as "offer" does
            and not (t == "pay" and "salary" not in kinds)
        ]
        # "Which postings have a closing date?", "... name a person to contact?": a line of the kind
        # the intent's cue finds (a date it closes, an email or phone), not the question's words
        cued = [i for i in shape.intents if i.name in _LISTED_BY_CUE and i.cue is not None]
        # "Which roles require a driving licence?": not those where one "is an advantage"
        required = bool(re.search(r"\b(?:requires?|required|need|needs|must|mandatory|essential)\b", shape.text, re.IGNORECASE))
        lacking = bool(cued) and bool(re.search(r"\b(?:no|without|(?:don['’]t|do not|doesn['’]t|does not)\s+(?:have|give|state|say|list|mention)|lack)\b",
                                                shape.text, re.IGNORECASE))
        unpaid = "salary" in kinds and not focus and bool(_LACKING.search(shape.text))
        states_pay = "salary" in kinds and not unpaid and bool(_STATES.search(shape.text))
        if cued:
            asked = set(content_stems(" ".join(shape.text[m.start():m.end()] for i in cued for m in i.trigger.finditer(shape.text))))
            # ("a fixed closing date" is a closing date: "fixed" is no word its line must say)
            said = [t for t in said if t not in asked and not any(_intent_word(t, i) for i in cued) and t not in _CUED_ADJECTIVES]
        # "Which roles are 40 hours per week?": the sentence says 40, not 36 or 20–28. A bound
        # ("at least 30 hours") is read as the figure too: listing the roles that state it
        # leaves some out, listing every "hours per week" would list 24 as at least 30.
        figures = set() if shape.is_comparison else numbers(uncounted) - title_vocab
        if besides:
            said = [t for t in said if t != stem(besides)]
        either = _alternatives(shape.text, said)
        either_stems = {t for words in either for t in words}
        # "Which postings provide accommodation?" asks for a place to stay given, not help to find one
        provides = bool(_PROVIDES.search(shape.text)) and not _ASKS_HELP.search(shape.text)
        # "Which roles need no experience?": the postings whose line denies it ("No previous
        # experience is needed"), not every posting that mentions experience
        denied = _denied(shape.text, said)
        candidates: Iterable[str] = self.corpus.postings
        if places:  # those in the place asked, in the corpus' order
            in_place = {pid for p in places for pid, where in self.corpus.locations_text.items() if p in where}
            candidates = sorted(in_place, key=self.corpus.posting_row.__getitem__)
        matches = []
        quotes: dict[str, tuple[Passage, str]] = {}
        for pid in candidates:
            fields = self.corpus.postings[pid]
            if focus and pid not in focus:
                continue
            if region and outside == in_region(region[0], fields.locations, fields.salary.currency if fields.salary else None):
                continue
            if wanted_title:
                title = set(content_stems(fields.title or ""))
                if not all(any(stems_match(t, w) for w in title) for t in wanted_title):
                    continue
            if "office" in kinds and not _has_policy(text, fields.office_policy):
                continue
            if "office" in kinds and fields.office_policy:
                # the line that says "Remote within Germany", not the city the role is based in
                passage, quote = self._find(pid, fields.office_policy)
                if passage is not None:
                    quotes[pid] = (passage, quote)
            if not _of_kind(kind, fields):
                continue
            if unpaid:
                # "Which postings do not state a salary?": those without a pay figure, with the line
                # they give instead ("Competitive, plus shift allowance"), where they give one
                if fields.salary is None:
                    pay = next(i for i in shape.intents if i.name == "salary")
                    passage, quote = self._find_regex(pid, pay.cue, pay.section) if pay.cue is not None else (None, "")
                    if passage is not None:
                        quotes[pid] = (passage, quote)
                    matches.append(fields)
                continue
            if states_pay and fields.salary is None:
                continue  # "Which postings state a salary?": not the one that gives none
            if "salary" in kinds and fields.salary and pid not in quotes:
                # "List every job with its pay": each posting's pay line, as it writes it
                passage, quote = self._find(pid, fields.salary.text)
                if passage is not None:
                    quotes[pid] = (passage, quote)
            if currencies or period:
                if not (fields.salary and (not currencies or fields.salary.currency in currencies)
                        and (not period or fields.salary.period == period[0])):
                    continue
                passage, quote = self._find(pid, fields.salary.text)
                if passage is not None:
                    quotes[pid] = (passage, quote)
            for intent in cued:
                # a line that names the closing date before one that only says "no later than"
                # ("Start date: ... no later than 1 April" above "Closing date ..... 28 February")
                passage, quote = self._find_regex(pid, _CLOSING_LINE) if intent.name == "deadline" else (None, "")
                if passage is None:
                    passage, quote = self._find_regex(pid, intent.cue, intent.section)
                dated = passage is not None and not (intent.name == "deadline" and not re.search(r"\d", quote))
                if lacking and intent.name == "deadline":
                    # "Which postings have no fixed closing date?": those without a dated one,
                    # with their "rolling basis" line where they say it
                    if dated:
                        passage = None
                        break
                    if passage is not None:
                        quotes[pid] = (passage, quote)
                    continue
                if not dated:
                    passage = None  # "Which postings have a closing date?": "open until filled" gives none
                    break
                quotes[pid] = (passage, quote)
            else:
                passage = True
            if passage is None:
                continue
            if "office" in kinds and pid in quotes and not figures and all(t in _WORKPLACE_WORDS for t in said):
                pass  # "Which jobs offer work-from-home days?": the policy line says it, not "7 days a week"
            elif said or figures:  # "Which roles offer a 401(k)?" says only a figure
                # a word the role's own title says need not be said again ("a nursing license" of a nurse)
                own_title = set(content_stems(fields.title or "")) & offered if offered else set()  # (no restemming per list)
                found = self._sentence_saying(pid, [t for t in said if t not in either_stems and t not in own_title], figures, either,
                                              affirmed=not _NEGATION.search(shape.text), denied=denied, required=required,
                                              besides=besides, provided=provides)
                if found is not None:
                    quotes[pid] = found
                elif not (kind == "contract" and set(said) <= _FIXED_TERM and not figures):
                    continue  # ("fixed-term contracts" of a seasonal job: its type says so, in no line)
            matches.append(fields)
        if not matches:
            if focus:  # "Which of them is remote?" after a list: none of those, not "no posting"
                return replace(_abstain(f"None of the {len(focus)} roles asked about matches that."), about_set=True)
            return _abstain("No posting matches that; ask about a title, company or city from the overview.")
        if len(matches) == len(self.corpus.postings):
            head = f"There are {len(matches)} postings"
        else:
            head = f"{len(matches)} posting{'s match' if len(matches) > 1 else ' matches'}"
        order = _IN_DATE_ORDER.search(shape.text)
        if order and quotes:
            # "..., earliest first": by the first date each quoted line writes; undated ones last
            latest = order.group(1) is not None and order.group(1).lower() == "latest"
            dated = lambda f: _date_key(quotes[f.posting_id][1]) if f.posting_id in quotes else None
            matches = sorted(matches, key=lambda f: (dated(f) is None, tuple(-x for x in dated(f)) if latest and dated(f) else dated(f) or ()))
        more = f"; the first 15" if len(matches) > 15 else ""
        claims = [Claim(f"{head}{more}:")]
        for fields in matches[:15]:
            if fields.posting_id in quotes:
                passage, quote = quotes[fields.posting_id]
                where = f" — {', '.join(fields.locations)}" if (places or region) and fields.locations else ""  # the place asked, shown
                claims.append(Claim(f"{self.corpus.label(fields.posting_id)}{where}: “{quote}”", passage, (quote,), bullet=True))
                continue
            anchor = fields.locations[0] if fields.locations else (fields.title or "")
            passage, quote = self._find(fields.posting_id, anchor)
            where = f" — {', '.join(fields.locations)}" if fields.locations else ""
            claims.append(Claim(f"{self.corpus.label(fields.posting_id)}{where}", passage, (quote,) if quote else (), bullet=True))
        return Draft(claims, abstained=False)

    @staticmethod
    def _pay_added(pay: Claim) -> list[Claim]:
        """"Base rate is $19.25 per hour." then "Every hour on nights earns an additional $2.00
        per hour shift differential": the sentence right after the pay line that adds to it."""
        if pay.passage is None or not pay.quotes:
            return []
        text = pay.passage.text
        at = text.find(pay.quotes[0])
        if at < 0:
            return []
        end = at + len(pay.quotes[0])
        tiers = _other_rates(text, end, pay.quotes[0], pay.passage.section)
        if tiers:
            return [Claim(_tidy_pay_line(line), pay.passage, (line,)) for line in tiers]
        for a, b in sentences(text):
            if a >= end:
                following = text[a:b]
                if "\n\n" not in text[end:a] and _ADDED_PAY.search(following) and _SPEAKS_OF_PAY.search(following):
                    return [Claim(_BULLET.sub("", following), pay.passage, (following,))]
                return []
        return []

    def _total_pay(self, pid: str, pay: Claim) -> list[Claim]:
        """"What would I make in total if I hit my number?": the posting's on-target or total
        earnings line beside its base pay, when it has one the pay claim does not already quote."""
        passage, quote = self._find_regex(pid, _TOTAL_PAY)
        if passage is None or quote in pay.quotes:
            return []
        return [Claim(_BULLET.sub("", quote), passage, (quote,))]

    def _ranking_pool(self, shape: QuestionShape, focus: tuple[str, ...], asked: tuple[int, int]) -> tuple[list[str], tuple[str, str]]:
        """The postings a ranking ("pays the most", said at ``asked``) compares: the roles named,
        or else every posting of the kind asked ("internships") in the place asked whose title has
        the words of a role the question says ("Which nurse job in Berlin pays the most?"), as a
        list of roles has them. With what they are called, one and many, by the words that chose
        them as the question says them ("nurse posting(s) in Berlin", "internship(s)"), so that
        what is said of them is not read as of every posting."""
        kind = _asked_kind(shape)
        one, many = _KIND_NOUNS[kind] if kind else ("role asked about", "roles asked about") if len(focus) >= 2 else ("posting", "postings")
        if len(focus) >= 2:  # the roles named are the pool, whatever other words the question has
            return list(focus), (one, many)
        said_places = find_places(shape.text)
        places = {p.lower() for p in said_places}
        titled = self._title_words_asked(shape, set(content_stems(" ".join(places))), asked, job_nouns=True)
        # the postings whose names (title, company, type) have the words, from the vocabulary
        # kept with the corpus: only their titles are read below ("Which nurse job pays the most?"
        # at 10,000 postings: 21 ms, against 65 ms reading every title)
        named: set[str] | None = None
        for t in titled:
            having = set().union(*(ids for s, ids in self.corpus.role_vocab.items() if stems_match(t, s)))
            named = having if named is None else named & having
        pool = [p for p, f in self.corpus.postings.items() if (named is None or p in named) and _of_kind(kind, f)
                and (not places or any(place in self.corpus.locations_text.get(p, "") for place in places))
                and (not titled or all(any(stems_match(t, w) for w in content_stems(f.title or "")) for t in titled))]
        written = {stem(w.lower()): w.lower() for w in words_as_written(shape.text)}
        words = [written.get(t, t) for t in titled]
        where = f" in {_join(said_places)}" if said_places else ""
        return pool, (" ".join([*words, one]) + where, " ".join([*words, many]) + where)

    @staticmethod
    def _none_of_pool(pool: list[str], nouns: tuple[str, str], states: str) -> Draft:
        """A ranking's abstention, saying which postings it looked at (``_ranking_pool``'s nouns)."""
        one, many = nouns
        if not pool:
            return replace(_abstain(f"No posting here is {'an' if one[0] in 'aeiou' else 'a'} {one}."), about_set=True)
        return replace(_abstain(f"None of the {len(pool)} {many} states {states}." if len(pool) > 1 else
                                f"The one {one} does not state {states}."), about_set=True)

    def _ranked_pay(self, shape: QuestionShape, focus: tuple[str, ...]) -> Draft | None:
        """"Which job pays the most?": the top (or bottom) of the stated pay, among the roles named
        or else all postings. Amounts are compared only within one currency and period: ranking
        across them would need exchange rates and hours that no posting states."""
        asked = _TOP_PAY.search(shape.text) or _LOW_PAY.search(shape.text)
        if asked is None and len(focus) >= 2 and shape.bound is None:  # "pays more than $200k" bounds
            asked = _MORE_PAY.search(shape.text) or _LESS_PAY.search(shape.text)
        if asked is None:
            return None
        highest = asked.re is _TOP_PAY or asked.re is _MORE_PAY
        pool, nouns = self._ranking_pool(shape, focus, asked.span())
        groups: dict[tuple[str, str], list[tuple[float, str]]] = {}
        unstated = 0
        for pid in pool:
            fields = self.corpus.postings.get(pid)
            pay = fields.salary if fields else None
            value = pay and ((pay.max or pay.min) if highest else (pay.min or pay.max))
            if not value or not pay.currency or not pay.period:
                unstated += 1
                continue
            groups.setdefault((pay.currency, pay.period), []).append((value, pid))
        if not groups:
            return self._none_of_pool(pool, nouns, "its pay as an amount")
        word = "highest" if highest else "lowest"
        claims = [Claim(f"The {word} pay stated, compared within each currency and period:")]
        for (currency, period), rows in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))[:6]:
            value, pid = (max if highest else min)(rows)  # equal amounts: the posting id decides, stably
            fields = self.corpus.postings[pid]
            passage, quote = self._find(pid, fields.salary.text)
            if passage is None:
                continue
            among = f" (of {len(rows)})" if len(rows) > 1 else ""
            claims.append(Claim(f"{currency} per {period}{among}: {self.corpus.label(pid)}, {_BULLET.sub('', fields.salary.text)}",
                                passage, (quote,), bullet=True))
        if len(focus) >= 2 and len(pool) <= 3 and len(claims) > 1:
            # two or three roles named: each one's pay beside the top, so "pays more" can be seen
            shown = {c.passage.posting_id for c in claims if c.passage}
            for pid in pool:
                pay = self.corpus.postings[pid].salary if pid in self.corpus.postings else None
                if pid not in shown and pay:
                    passage, quote = self._find(pid, pay.text)
                    if passage is not None:
                        claims.append(Claim(f"{self.corpus.label(pid)}: {_BULLET.sub('', pay.text)}", passage, (quote,), bullet=True))
        if unstated:
            claims.append(Claim(_unstated(unstated, nouns, "an amount")))
        return Draft(claims, abstained=len(claims) == 1, about_set=True)

    def _ranked_leave(self, shape: QuestionShape, focus: tuple[str, ...]) -> Draft | None:
        """"Which role offers the most paid time off?": the most (or fewest) days or weeks of leave
        stated, among the roles named or else all postings. Days and weeks are ranked apart: a week
        is five days off only where a posting says so. Unlimited time off has no number to rank: it
        is listed beside the most and counted beside the least."""
        asked = _ASKS_LEAVE_RANK.search(shape.text) or (_MORE_LEAVE.search(shape.text) if len(focus) >= 2 else None)
        if asked is None or _OTHER_LEAVE.search(shape.text):
            return None
        most = asked.group(1).lower() in ("most", "longest", "more", "longer")
        pool, nouns = self._ranking_pool(shape, focus, asked.span())
        stated: dict[str, _Leave] = {}
        groups: dict[str, list[tuple[int, str]]] = {}
        unlimited: list[str] = []
        for pid in pool:
            leave = self._leave_stated(pid)
            if leave is None:
                continue
            stated[pid] = leave
            if leave.amount is None:
                unlimited.append(pid)
            else:
                groups.setdefault(leave.unit, []).append((leave.amount, pid))
        if not groups and not (most and unlimited):
            return self._none_of_pool(pool, nouns, "its paid time off as a number of days or weeks")
        word = "most" if most else "least"
        claims = [Claim(f"The {word} paid time off stated, days and weeks compared apart:")]
        for unit, rows in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0])):
            best = (max if most else min)(amount for amount, _ in rows)
            tied = sorted(pid for amount, pid in rows if amount == best)
            among = f" (of {len(rows)})" if len(rows) > 1 else ""
            claims.extend(self._leave_claim(f"{best} {unit}{among}", pid, stated[pid]) for pid in tied[:3])
            if len(tied) > 3:
                claims.append(Claim(f"{len(tied) - 3} more {nouns[1]} state {best} {unit} as well."))
        if len(focus) >= 2 and len(pool) <= 3:
            # two or three roles named: each one's time off beside the top, so "more" can be seen
            shown = {c.passage.posting_id for c in claims if c.passage}
            claims.extend(self._leave_claim(f"{stated[pid].amount} {stated[pid].unit}", pid, stated[pid])
                          for pid in pool if pid not in shown and pid in stated and stated[pid].amount is not None)
        if most and unlimited:
            among = f" (of {len(unlimited)})" if len(unlimited) > 1 else ""
            claims.extend(self._leave_claim(f"Unlimited, no number stated{among}", pid, stated[pid]) for pid in sorted(unlimited)[:3])
            if len(unlimited) > 3:
                claims.append(Claim(f"{len(unlimited) - 3} more {nouns[1]} state unlimited time off as well."))
        elif unlimited:
            claims.append(Claim(f"{len(unlimited)} posting{'s state' if len(unlimited) > 1 else ' states'} unlimited time off, with no number."))
        unstated = len(pool) - len(stated)
        if unstated:
            claims.append(Claim(_unstated(unstated, nouns, "a number of days or weeks")))
        return Draft(claims, abstained=False, about_set=True)

    def _ranked_experience(self, shape: QuestionShape, focus: tuple[str, ...]) -> Draft | None:
        """"Which data scientist role asks for the least experience?": the fewest (or most) years
        of experience the postings ask for, among the roles named or else all postings; a range
        ("3 to 5 years") counts by the least it accepts, a wish ("5+ years preferred") not at all."""
        asked = _ASKS_EXPERIENCE_RANK.search(shape.text)
        if asked is None:
            return None
        most = asked.group(1).lower() in ("most", "highest")
        pool, nouns = self._ranking_pool(shape, focus, asked.span())
        stated = {pid: years for pid in pool if (years := self._years_asked(pid)) is not None}
        if not stated:
            return self._none_of_pool(pool, nouns, "a number of years of experience")
        best = (max if most else min)(years.amount for years in stated.values())
        tied = sorted(pid for pid, years in stated.items() if years.amount == best)
        among = f" (of {len(stated)} stating a number)" if len(stated) > 1 else ""
        claims = [Claim(f"The {'most' if most else 'fewest'} years of experience asked for{among}:")]
        for pid in tied[:3]:
            quote = self._sentence_at(stated[pid].passage, stated[pid].offset)
            claims.append(Claim(f"{self.corpus.label(pid)}: {_BULLET.sub('', quote)}", stated[pid].passage, (quote,), bullet=True))
        if len(tied) > 3:
            claims.append(Claim(f"{len(tied) - 3} more {nouns[1]} ask for {best} years as well."))
        unstated = len(pool) - len(stated)
        if unstated:
            claims.append(Claim(_unstated(unstated, nouns, "a number of years of experience")))
        return Draft(claims, abstained=False, about_set=True)

    def _bounded(self, shape: QuestionShape, focus: tuple[str, ...]) -> Draft | None:
        """"Which roles pay more than $150k?", "... offer at least 25 days of vacation?", "... ask
        for under 3 years of experience?", "... are under 30 hours a week?", "... have a learning
        budget of $1,500 or more?": the postings whose stated amount meets the bound, among the
        roles named or else all postings of the kind, place and title asked, each with the line
        that states it. A range meets a lower bound by its top and an upper bound by its bottom.
        Money is compared as written, in the currency asked (any for none, any dollars for "$"),
        never converted; monthly pay counts twelve times against a yearly bound; leave is
        compared within days or weeks, a working week being no number a posting states."""
        if not asks_for_roles(shape.text) and (len(focus) < 2 or shape.is_yes_no):
            return None  # "Does the porter pay more than £20,000?" asks for its pay: a verdict
        bound = shape.bound
        if bound is None:
            return None
        pool, nouns = self._ranking_pool(shape, focus, bound.span)
        if any(i.name == "office" for i in shape.intents):  # "Which remote roles pay over $100k?"
            pool = [p for p in pool if _has_policy(shape.text, self.corpus.postings[p].office_policy)]
        if not pool:
            return self._none_of_pool(pool, nouns, _STATED[bound.kind])
        stated: dict[str, _Stated] = {}
        apart, unlimited = 0, []
        for pid in pool:
            amount = self._stated_amount(bound, pid)
            if amount == "apart":
                apart += 1
            elif amount == "unlimited":
                unlimited.append(pid)
            elif amount is not None:
                stated[pid] = amount
        what, verb, as_written = self._bound_said(bound)
        met = [p for p, a in stated.items() if bound.admits(a.low, a.high)]
        met.sort(key=lambda p: (-stated[p].high if bound.lower else stated[p].low, self.corpus.posting_row.get(p, 0)))
        ranged = any(a.low != a.high for a in stated.values()) and bound.op != "between"
        notes = [n for n in (as_written, ranged and f"a range counts by its {'top' if bound.lower else 'bottom'}") if n]
        by = f" ({'; '.join(notes)})" if notes else ""
        one, many = nouns
        compared = _STATED[bound.kind]
        if bound.kind == "pay":  # "pay in dollars per year"
            compared = f"pay{ {None: '', '$': ' in dollars'}.get(bound.unit, f' in {bound.unit}')} per {bound.period}"
        elif bound.kind == "money":  # "a training budget with an amount"
            compared = f"a {bound.phrase} with an amount"
        if not met:
            head = (f"None of the {len(stated)} {many} stating {compared} {verb[0]} {what}{by}."
                    if len(stated) != 1 else f"The one {one} stating {compared} does not {verb[1]} {what}.")
            claims = [Claim(head)] if stated else []
        else:
            more = "; the first 15" if len(met) > 15 else ""
            claims = [Claim(f"{len(met)} {one if len(met) == 1 else many} {verb[0] if len(met) == 1 else verb[1]} {what}{by}{more}:")]
            for pid in met[:15]:
                claim = self._stated_claim(pid, stated[pid])
                if claim is not None:
                    claims.append(claim)
        if unlimited and bound.lower:  # more than any number, but no number: shown, not counted
            claims.append(Claim(f"{len(unlimited)} {one if len(unlimited) == 1 else many} state{'s' if len(unlimited) == 1 else ''} "
                                "unlimited time off, with no number to compare:"))
            for pid in unlimited[:3]:
                leave = self._leave_stated(pid)
                claims.append(self._stated_claim(pid, _Stated(0, 0, leave.passage, leave.offset)))
        apart += 0 if bound.lower else len(unlimited)
        if apart:
            other = {"pay": "pay in another currency or period", "money": "it in another currency",
                     "leave": "time off in other terms"}.get(bound.kind, "it in other terms")
            claims.append(Claim(f"{apart} {one if apart == 1 else many} {'states' if apart == 1 else 'state'} {other}, not compared."))
        unstated = len(pool) - len(stated) - apart - (len(unlimited) if bound.lower else 0)
        if not stated and not apart and not unlimited:  # "10000 postings do not state ..." says it worse
            return self._none_of_pool(pool, nouns, compared)
        if unstated:
            claims.append(Claim(_unstated(unstated, nouns, compared)))
        return Draft([c for c in claims if c is not None], abstained=not met, about_set=True)

    @staticmethod
    def _bound_said(bound: Bound) -> tuple[str, tuple[str, str], str]:
        """How an answer says the bound ("pay above USD 150,000 per year"), the verb of a posting
        that meets it (one, many), and how amounts were compared ("" when as the bound says)."""
        amount = f"{bound.amount:,.0f}" if bound.amount >= 1000 else f"{bound.amount:g}"
        if bound.op == "between":
            amount += f" and {bound.upper:,.0f}" if (bound.upper or 0) >= 1000 else f" and {bound.upper:g}"
        word = _BOUND_WORDS[bound.op][1]
        if bound.kind in ("pay", "money"):
            currency = {None: "", "$": "$"}.get(bound.unit, f"{bound.unit} ")
            as_written = {None: "each in its own currency, not converted", "$": "in any dollars, not converted"}.get(bound.unit, "")
            if bound.kind == "pay":
                return f"pay {_BOUND_WORDS[bound.op][0]} {currency}{amount} per {bound.period}", ("states", "state"), as_written
            return f"a {bound.phrase} of {word} {currency}{amount}", ("states", "state"), as_written
        one = bound.amount == 1 and bound.op != "between"  # "at most 1 year"
        return {
            "leave": (f"{word} {amount} {bound.unit[:-1] if one else bound.unit} of time off", ("states", "state"), ""),
            "experience": (f"{word} {amount} year{'' if one else 's'} of experience", ("asks for", "ask for"), ""),
            "hours": (f"{word} {amount} hour{'' if one else 's'} a week", ("states", "state"), ""),
        }[bound.kind]

    def _stated_amount(self, bound: Bound, pid: str) -> "_Stated | str | None":
        """What the posting states in the bound's terms: its amount, "apart" (stated in another
        currency, period or unit), "unlimited" (time off), or None (nothing)."""
        if bound.kind == "pay":
            pay = self.corpus.postings[pid].salary if pid in self.corpus.postings else None
            if not pay or not (pay.min or pay.max) or not pay.currency or not pay.period:
                return None
            times = 1 if pay.period == bound.period else 12 if (pay.period, bound.period) == ("month", "year") else 0
            if not times or not same_currency(bound.unit, pay.currency):
                return "apart"
            note = "" if times == 1 else f" ({(pay.max or pay.min) * 12:,.0f} a year)"
            return _Stated((pay.min or pay.max) * times, (pay.max or pay.min) * times, None, pay.text, note)
        if bound.kind == "money":
            return self._money_stated(bound, pid)
        if bound.kind == "leave":
            leave = self._leave_stated(pid)
            if leave is None:
                return None
            if leave.amount is None:
                return "unlimited"
            if leave.unit != bound.unit:
                return "apart"
            return _Stated(leave.amount, leave.amount, leave.passage, leave.offset)
        if bound.kind == "experience":
            years = self._years_asked(pid)
            return years and _Stated(years.amount, years.amount, years.passage, years.offset)
        hours = self._hours_stated(pid)
        return hours and _Stated(hours.low, hours.high, hours.passage, hours.offset)

    def _money_stated(self, bound: Bound, pid: str) -> "_Stated | str | None":
        """The first sentence of the posting that names the bound's topic ("budget") with an
        amount of money: its amounts in the bound's currency, or "apart" in another."""
        topics = (bound.topic or "").split()
        if not self._says_any(pid, topics) or (bound.qualifiers and not self._says_any(pid, list(bound.qualifiers))):
            return None
        seen = self.corpus.money.setdefault((bound.topic, bound.qualifiers, bound.unit), {})
        return _kept(seen, pid, lambda p: self._read_money(bound, p, topics))

    def _read_money(self, bound: Bound, pid: str, topics: list[str]) -> "_Stated | str | None":
        other = None
        for passage in self.corpus.by_posting.get(pid, []):
            lowered = passage.text.lower()
            if not any(t in lowered for t in topics):
                continue
            for a, b in sentences(passage.text):
                sentence = passage.text[a:b]
                said = sentence.lower().replace(" ", "-")  # "home office" says "home-office"
                if not any(t in said for t in topics) or is_instruction(sentence) or \
                        (bound.qualifiers and not any(q in said for q in bound.qualifiers)):
                    continue
                amounts = [value for value, code in money_in(sentence) if same_currency(bound.unit, code)]
                if amounts:
                    return _Stated(min(amounts), max(amounts), passage, sentence)
                other = other or ("apart" if money_in(sentence) else None)
        return other

    def _says_any(self, pid: str, parts: list[str]) -> bool:
        """Whether one of the posting's words holds one of ``parts`` ("budge" in "Weiterbildungsbudget"):
        the corpus' words that do are found once per set of parts, so 10,000 postings are not read."""
        key = tuple(parts)
        holding = self.corpus.word_parts.get(key)
        if holding is None:
            holding = self.corpus.word_parts[key] = frozenset(w for w in self.corpus.chunk_df if any(p in w for p in parts))
        return bool(holding & self.corpus.posting_stems.get(pid, frozenset()))

    def _stated_claim(self, pid: str, stated: "_Stated") -> Claim | None:
        """A posting's line stating an amount, quoted and cited: "Label: “...”"."""
        passage, quote = stated.passage, stated.quote
        if isinstance(quote, int):
            quote = self._sentence_at(passage, quote)
        elif passage is None:  # a field's text: found in its passage
            passage, quote = self._find(pid, quote)
            if passage is None:
                return None
        quote = _BULLET.sub("", quote)
        return Claim(f"{self.corpus.label(pid)}: “{quote}”{stated.note}", passage, (quote,), bullet=True)

    def _bound_verdict(self, shape: QuestionShape, pid: str) -> Claim | None:
        """"Does the Acme role pay more than $150k?": yes, no, or only in part of its range, by the
        amount the posting states, quoted. None when the question sets no bound or the posting
        states no amount in the bound's terms (another currency, period or unit): then the
        answer is the amount it does state."""
        bound = shape.bound
        if bound is None:
            return None
        stated = self._stated_amount(bound, pid)
        if stated == "unlimited" and bound.lower:
            leave = self._leave_stated(pid)
            stated = _Stated(float("inf"), float("inf"), leave.passage, leave.offset)
        if not isinstance(stated, _Stated):
            return None
        claim = self._stated_claim(pid, stated)
        if claim is None:
            return None
        every, some = bound.admits(stated.low, stated.low) and bound.admits(stated.high, stated.high), bound.admits(stated.low, stated.high)
        word = "Yes." if every else f"Partly, at the {'top' if bound.lower else 'bottom'} of its range." if some else "No."
        return replace(claim, text=f"{word} {claim.text}", bullet=False)

    def _days_a_week_verdict(self, shape: QuestionShape, pid: str) -> Claim | None:
        """"Is it a four-day week?": yes or no by the first line saying how many days or shifts a
        week are worked ("40 hours per week, 5 shifts per week", "a 4-day week"), quoted. None
        when the question asks no such week or no line says one."""
        asked = _DAYS_WEEK_ASKED.search(shape.text)
        if asked is None:
            return None
        want = _count(asked.group(1))
        for passage in self.corpus.by_posting.get(pid, []):
            for a, b in sentences(passage.text):
                line = passage.text[a:b]
                said = _DAYS_WEEK_SAID.search(line)
                # (the week worked: "We're open 7 days a week" is the shop's)
                if said is None or is_instruction(line) or not _WORKED.search(f"{passage.section} {line}"):
                    continue
                days = _count(said.group(1) or said.group(2))
                word = "Yes." if days == want else "No."
                return Claim(f"{word} The posting says: “{_BULLET.sub('', line.strip())}”", passage, (line,))
        return None

    def _hours_stated(self, pid: str) -> "_Hours | None":
        """The first hours a week the posting states. Read once per posting and kept with the corpus."""
        return _kept(self.corpus.hours, pid, self._read_hours)

    def _read_hours(self, pid: str) -> "_Hours | None":
        if not {"hour", "hr", "hrs"} & self.corpus.posting_stems.get(pid, frozenset()):
            return None
        for passage in self.corpus.by_posting.get(pid, []):
            if "week" not in passage.text.lower():
                continue
            for m in _WEEK_HOURS.finditer(passage.text):
                if self._planted(passage.text, m):
                    continue
                low = float(m.group(1) or m.group(3))
                return _Hours(low, float(m.group(2)) if m.group(2) else low, passage, m.start())
        return None

    def _years_asked(self, pid: str) -> "_Years | None":
        """The first number of years of experience the posting asks for, outside its wishes. Read
        once per posting and kept with the corpus, as the time off is."""
        return _kept(self.corpus.experience, pid, self._read_years)

    def _read_years(self, pid: str) -> "_Years | None":
        stems = self.corpus.posting_stems.get(pid, frozenset())
        if "experi" not in stems and not any("erfahrung" in t for t in stems if len(t) >= 9):
            return None
        for passage in self.corpus.by_posting.get(pid, []):
            if ("experience" not in passage.text.lower() and "erfahrung" not in passage.text.lower()) or _WISHED.search(passage.section):
                continue
            if (none := _NO_EXPERIENCE.search(passage.text)) and not self._planted(passage.text, none):
                return _Years(0, passage, none.start())
            for m in _EXPERIENCE_YEARS.finditer(passage.text):
                # "(home health experience preferred)" wishes for something beside the years asked
                if not _WISHED_LINE.search(re.sub(r"\([^)]*\)", "", self._sentence_at(passage, m.start()))):
                    word = (m.group(1) or m.group(2)).lower()
                    return _Years(int(word) if word.isdigit() else _NUMBER_WORDS[word], passage, m.start())
        return None

    def _leave_of_each(self, shape: QuestionShape, focus: tuple[str, ...]) -> Draft | None:
        """"How much annual leave does each posting state?": every posting's leave line, however it
        says it ("Urlaub ... 30 days' holiday per year", "Leave: 18 earned leaves ..."), and which
        state none; not only the lines that say "annual leave"."""
        asked = _LEAVE_OF_EACH.search(shape.text)
        if asked is None or _OTHER_LEAVE.search(shape.text):
            return None
        pool, nouns = self._ranking_pool(shape, focus, asked.span())
        claims, unstated = [], 0
        for pid in pool:
            leave = self._leave_stated(pid)
            if leave is None:
                unstated += 1
                continue
            head = "Unlimited, no number" if leave.amount is None else f"{leave.amount} {leave.unit}"
            claims.append(self._leave_claim(head, pid, leave))
        if not claims:
            return self._none_of_pool(pool, nouns, "any paid time off")
        claims.insert(0, Claim(f"The paid time off each of the {len(pool)} {nouns[1]} states:" if len(pool) > 1 else "The paid time off stated:"))
        if unstated:
            claims.append(Claim(_unstated(unstated, nouns, "any paid time off")))
        return Draft(claims, abstained=False, about_set=True)

    def _contract_terms(self, shape: QuestionShape, focus: tuple[str, ...]) -> Draft | None:
        """"Which postings are permanent and which are fixed-term?", "Which is permanent: A or B?":
        each posting's term, by the line that says it ("Fast, 100 % (permanent, full-time)",
        "12-month maximum-term contract", "contrato a plazo fijo"), a fixed term before a hope of
        permanency; those that say neither are counted. The employment type alone cannot say it:
        "Full-time" is neither."""
        asked = _TERM_ASKED.findall(shape.text)
        # ("Which are fixed-term?" alone is a list of roles as any other, _list_roles)
        if "permanent" not in {a.lower() for a in asked} or not _TERM_QUESTION.search(shape.text) or not (
                asks_for_roles(shape.text) or len(focus) >= 2):
            return None
        sides = {"permanent" if a.lower() == "permanent" else "fixed-term" for a in asked}
        said = list(_TERM_ASKED.finditer(shape.text))  # ("fixed-term" names no "Fixed Plant" role)
        pool, nouns = self._ranking_pool(shape, focus, (said[0].start(), said[-1].end()))
        found: dict[str, list[Claim]] = {"permanent": [], "fixed-term": []}
        for pid in pool:
            fixed = self._find_regex(pid, _FIXED_SAID)
            if fixed[0] is None:
                fixed = self._find_regex(pid, _FIXED_AS_SAID)  # "a two-year renewable contract"
            if fixed[0] is None and self.corpus.postings[pid].employment_type in ("contract", "temporary"):
                fixed = self._find_regex(pid, _FIXED_BY_TYPE)  # "Fjellsti Tours · Tromsø · Seasonal"
            term, (passage, quote) = ("fixed-term", fixed) if fixed[0] is not None else ("permanent", self._find_regex(pid, _PERMANENT_SAID))
            if passage is not None:
                found[term].append(Claim(f"{self.corpus.label(pid)}: “{_BULLET.sub('', quote.strip())}”", passage, (quote,), bullet=True))
        claims = []
        for term in ("permanent", "fixed-term"):
            if term in sides or len(focus) >= 2:
                rows = found[term]
                claims.append(Claim(f"{term.capitalize()} ({len(rows)}):" if rows else f"None of the {len(pool)} {nouns[1]} says it is {term}."))
                claims.extend(rows)
        stated = sum(len(found[t]) for t in found)
        if stated < len(pool):
            claims.append(Claim(_unstated(len(pool) - stated, nouns, "whether it is permanent or fixed-term")))
        return Draft(claims, abstained=not stated, about_set=True)

    def _weeks_compared(self, shape: QuestionShape, focus: tuple[str, ...]) -> Draft | None:
        """"Which job has the shorter working week: A or B?": each role's hours a week, quoted,
        and which is shorter (or longer) when every one states them."""
        asked = _WEEK_COMPARED.search(shape.text)
        if asked is None or len(focus) < 2:
            return None
        shortest = asked.group(1).lower() in ("shorter", "shortest")
        stated = {pid: self._hours_stated(pid) for pid in focus}
        claims = []
        for pid, hours in stated.items():
            if hours is None:
                claims.append(Claim(f"The posting for {self.corpus.label(pid)} does not state its hours a week."))
                continue
            quote = self._sentence_at(hours.passage, hours.offset)
            claims.append(Claim(f"{self.corpus.label(pid)}: “{_BULLET.sub('', quote.strip())}”", hours.passage, (quote,)))
        known = {pid: h for pid, h in stated.items() if h is not None}
        if len(known) == len(focus):
            pick = (min if shortest else max)(known, key=lambda p: (known[p].high, known[p].low))
            others = [h for p, h in known.items() if p != pick]
            if all((known[pick].high < h.low) if shortest else (known[pick].low > h.high) for h in others):
                said = lambda h: f"{h.low:g}" if h.low == h.high else f"{h.low:g}–{h.high:g}"
                claims.append(Claim(f"So {self.corpus.label(pick)} has the {'shorter' if shortest else 'longer'} week: "
                                    f"{said(known[pick])} hours, against {_join([said(h) for h in others])} hours."))
        return Draft(claims, abstained=not known, about_set=True)

    def _leave_claim(self, head: str, pid: str, leave: "_Leave") -> Claim:
        quote = self._sentence_at(leave.passage, leave.offset)
        return Claim(f"{head}: {self.corpus.label(pid)}, {_BULLET.sub('', quote)}", leave.passage, (quote,), bullet=True)

    def _leave_stated(self, pid: str) -> "_Leave | None":
        """What the posting states of its vacation, PTO, annual leave or holidays: unlimited, or else
        the first amount in days or weeks; parental, sick or family leave is not counted. Read once
        per posting and kept with the corpus: reading 10,000 postings took 0.36 s, every ranking."""
        return _kept(self.corpus.time_off, pid, self._read_leave)

    def _read_leave(self, pid: str) -> "_Leave | None":
        if not (_LEAVE_STEMS | {"urlaubstag", "urlaub"}) & self.corpus.posting_stems.get(pid, frozenset()):
            return None
        found = None
        for passage in self.corpus.by_posting.get(pid, []):
            lowered = passage.text.lower()
            # Most passages say none of these: substring tests, chained rather than any() over a
            # tuple (77 against 211 ms over the 73,460 passages of 10,000 postings), skip the regexes.
            if not ("time off" in lowered or "pto" in lowered or "vacation" in lowered or "holiday" in lowered
                    or "leave" in lowered or "days off" in lowered or "urlaub" in lowered):
                continue
            for m in _UNLIMITED_LEAVE.finditer(passage.text):
                if not self._planted(passage.text, m):
                    return _Leave(None, "unlimited", passage, m.start())  # above any number the posting adds
            if found is None and ("day" in lowered or "week" in lowered or "tage" in lowered):
                for m in _LEAVE_AMOUNT.finditer(passage.text):
                    number, unit, qualifier = ((m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), "days", "") if m.group(4)
                                               else (m.group(7), m.group(8), "") if m.group(7) else (m.group(10), "days", ""))
                    if not _OTHER_LEAVE.search(qualifier) and not self._planted(passage.text, m):
                        unit = "weeks" if unit.lower().startswith("week") else "days"
                        found = _Leave(int(number) if number.isdigit() else _NUMBER_WORDS[number.lower()], unit, passage, m.start())
                        break
        return found

    @staticmethod
    def _planted(text: str, m: re.Match) -> bool:
        """A number planted in text addressed to an AI is not the posting's."""
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        return is_instruction(text[line_start:line_end if line_end >= 0 else None])

    def _not_stated(self, pid: str, label: str, what: str) -> Claim:
        """That the posting does not state ``what``; of a posting written mostly in another
        language, only that it was not found: its fields are read by English labels and a few
        others, so "contrato por obra o faena" may well state the type."""
        if self._written_in(pid) not in (None, "en"):
            return Claim(f"I couldn't find {what} in the posting for {label}, which is not written in English.")
        return Claim(f"The posting for {label} does not state {what}.")

    def _written_in(self, pid: str) -> str | None:
        """The language most of the posting's text is in, read the first time it is asked."""
        return _kept(self.corpus.languages, pid, lambda p: document_language(
            [line for passage in self.corpus.by_posting.get(p, []) for line in passage.text.split("\n")]))

    def _by_title(self, pid: str) -> Draft | None:
        """"Does the Vandelay backend role need Go?" when every word of it names the role: the
        title is what says so ("Backend Engineer (Go) – Core Platform"), not an overview."""
        fields = self.corpus.postings.get(pid)
        if fields is None or not fields.title:
            return None
        passage, quote = self._find(pid, fields.title)
        if passage is None:
            return None
        whose = f"the {fields.company} posting" if fields.company else "the posting"
        return Draft([Claim(f"Yes: {whose} is titled “{fields.title}”", passage, (quote,))], abstained=False)

    def _sentence_saying(self, pid: str, terms: list[str], figures: set[str] = frozenset(),
                         either: tuple[list[str], ...] = (), affirmed: bool = False, denied: bool = False,
                         required: bool = False, besides: str | None = None, provided: bool = False) -> tuple[Passage, str] | None:
        """The posting's first sentence that holds every one of ``terms`` (stems) and of
        ``figures`` (numbers, as :func:`numbers` writes them), and all the stems of one of
        ``either`` when given, if any; with ``affirmed``, none that denies it ("A sign-on bonus
        is NOT offered" is no posting offering one); with ``denied``, only one that does; with
        ``besides`` (a language), one naming another language; with ``provided``, not a place to
        stay that the employer only helps to find ("help you find housing in Tromsø")."""
        have = self.corpus.posting_stems.get(pid, frozenset())
        asked = [*terms, *(t for words in either for t in words)]  # what is denied may be a side of the "or"
        says = lambda stems, words: all(t in stems or t in _SAID_AS_STEMS for t in words)  # sentences tell
        if not says(have, terms) or (either and not any(says(have, words) for words in either)):
            return None
        first = heading = None
        for passage in self.corpus.by_posting.get(pid, []):
            spans = list(sentences(passage.text))
            for k, (a, b) in enumerate(spans):
                sentence = passage.text[a:b]
                stems = set(content_stems(sentence))
                stems |= _said_as(sentence)  # "vacation" is said by "25 days' holiday", as in _coverage
                if "accommod" in asked and _ADJUSTMENT.search(sentence):
                    continue  # accommodations for disabled candidates are no place to stay
                if provided and set(asked) & _HOUSING and _HELP_TO_FIND.search(sentence):
                    continue
                if required and (_OPTIONAL.search(sentence) or not denied and _OPTIONAL.search(passage.section)):
                    # "A full driving licence is an advantage", or one under "Nice to have", requires
                    # none (where "No previous experience necessary" is, it still needs none)
                    continue
                if required and besides and not (_REQUIRING.search(f"{passage.section} {sentence}") or _REQUIREMENTS_SECTION.search(passage.section)):
                    continue  # "a class shares a Japanese-speaking assistant" asks nothing of the candidate
                if sentence.rstrip().endswith("?"):
                    continue  # "Do you sponsor work passes?": the posting's own question, not its answer
                if besides and not languages_spoken(sentence) - {besides}:
                    continue
                if (all(t in stems for t in terms) and (not either or any(all(t in stems for t in w) for w in either))
                        and figures <= numbers(sentence) and not is_instruction(sentence)
                        and not (affirmed and _denied(sentence, asked)) and (not denied or _denied(sentence, asked))):
                    # the first, unless a row labelled by what is asked comes later: "| Superannuation |
                    # 12% |" after "| Estimated annual package | ... including superannuation |"
                    # (a label that is mostly what is asked: not "Weekend standby allowance" for standby duty)
                    label = _LINE_LABEL.match(sentence)
                    named = _stem_set(label.group(1)) if label else frozenset()
                    covered = len(named & set(asked)) or (1 if named and set(asked) & _said_as(label.group(1)) else 0)
                    if named and 2 * covered >= len(named):
                        return passage, sentence
                    if _heads_its_lines(passage.text, a, b) and k + 1 < len(spans):
                        # "Période de probation" / "45 jours travaillés.": a heading that says the
                        # word is no answer; a later sentence saying it is, else the heading with
                        # the first sentence under it
                        heading = heading or (passage, passage.text[a : spans[k + 1][1]])
                        continue
                    first = first or (passage, sentence)
        return first or heading

    def _place_claim(self, fields: PostingFields, label: str, place: str, shape: QuestionShape) -> Claim:
        passage, _ = self._find(fields.posting_id, place)
        elsewhere = fields.locations and not any(place.lower() in where.lower() for where in fields.locations)
        if passage is not None and elsewhere:
            # "Is the QA job in Pune?" of a Bengaluru role whose company also has a team in Pune
            where, _ = self._find(fields.posting_id, fields.locations[0])
            if where is not None:
                return Claim(f"{label} is based in {_join(list(fields.locations))}; the posting names {place} only here: "
                             f"“{self._sentence_with(passage, place)}”", passage, (self._sentence_with(passage, place),))
        if passage is not None:
            sentence = self._sentence_with(passage, place)
            prefix = "Yes. " if shape.is_yes_no else ""
            return Claim(f"{prefix}For {label}: “{sentence}”", passage, (sentence,))
        if fields.locations:
            passage, _ = self._find(fields.posting_id, fields.locations[0])
            if passage is not None and set(content_stems(place)) <= place_terms(fields):
                # "Is it in Munich?" of a posting in "München": the city by its other name
                prefix = "Yes. " if shape.is_yes_no else ""
                return Claim(f"{prefix}{label} is based in {_join(list(fields.locations))}", passage,
                             (self._sentence_with(passage, fields.locations[0]),))
            if passage is not None:
                return Claim(
                    f"No: {place} is not among the locations of {label}, which are {_join(list(fields.locations))}",
                    passage,
                    (self._sentence_with(passage, fields.locations[0]),),
                )
        return Claim(f"The posting for {label} does not mention {place}.")

    # -- sentences --------------------------------------------------------------------------
    def _from_sentences(self, shape: QuestionShape, passages: list[Passage], targets: list[str], terms: list[str],
                        focus: tuple[str, ...] = ()) -> Draft:
        if shape.primary is not None and shape.primary.name == "duties" and not (shape.is_yes_no or shape.is_numeric):
            # "What does the data analyst do?" asks for the duties, all of them: two of five
            # read as the whole job
            shape = replace(shape, is_list=True)
        pool = [p for p in passages if p.posting_id in targets] or passages
        units = []
        for rank, p in enumerate(pool):
            # The posting's title on its own line names the role; it answers nothing asked about
            # it ("Backend Engineer (Go)" is no answer to which languages the role uses).
            title = self.corpus.postings[p.posting_id].title if p.posting_id in self.corpus.postings else None
            spans = [(a, b) for a, b in sentences(p.text) if not is_instruction(p.text[a:b]) and not _only_title(p.text[a:b], title)]
            # (nor does a question the posting asks itself alone: "Is there a probation period?"
            # heads its answer, read with it below)
            # A heading line is read with the sentence under it: "Période de probation" says the word
            # asked, "45 jours travaillés." the answer
            # (as a pair: a sentence saying it all comes first)
            for k, (a, b) in enumerate(spans):
                if not p.text[a:b].rstrip().endswith("?"):
                    heading = k + 1 < len(spans) and _heads_its_lines(p.text, a, b)
                    units.append(Unit(p, a, spans[k + 1][1], rank, pair=True) if heading else Unit(p, a, b, rank))
            # Two neighbouring sentences of a paragraph may answer together what neither does alone.
            for (a, b), (c, d) in zip(spans, spans[1:]):
                if "\n" not in p.text[b:c] and not _is_bullet(p.text[a:b]):
                    units.append(Unit(p, a, d, rank, pair=True))
        if not terms and shape.primary is None:
            return _abstain("I couldn't find this in the postings.")
        weights = {t: self.corpus.idf(t) for t in terms}
        needs = any(i.name in ("requirements", "languages") for i in shape.intents) and not _OPTIONAL.search(shape.text)
        scored = []
        # "How much is the night-shift allowance?": the amount of the allowance, not the shift's hours
        amount_of = [t for t in terms if t in _AMOUNT_NOUNS] if shape.is_numeric else []
        for unit in units:
            if shape.is_numeric and not _COUNT.search(unit.text):
                continue  # "how many/how long" is answered by a number or by nothing
            if amount_of and not set(amount_of) <= _stem_set(unit.text):
                continue
            if shape.is_numeric and unit.pair and terms and not _counts_what_is_asked(unit.text, terms):
                continue  # "1.5 million drivers. Our Claims Analytics group ...": not the group's size
            coverage, cue, section_hit, key_covered, unknown_missed = self._coverage(unit, shape, terms, weights)
            pair_penalty = 0.05 if unit.pair else 0.0
            # (a line under a heading that says the asked word, "Rotation and working hours", or
            # labelled by it, "| Roster | 8 days on / 6 days off |", first among equals)
            label = _LINE_LABEL.match(unit.text)
            # ("| Superannuation | 12% |" is labelled by a pension, however the label says it)
            labelled = (_stem_set(label.group(1)) | _said_as(label.group(1))) if label else frozenset()
            heading = 0.05 if terms and set(terms) & (_stem_set(unit.passage.section) | labelled) else 0.0
            # (what a role needs before what would be nice: "Deseable: Mandarín básico" after "Español nativo")
            optional = 0.05 if needs and (_OPTIONAL.search(unit.text) or _OPTIONAL.search(unit.passage.section)) else 0.0
            score = coverage + 0.3 * cue + 0.15 * section_hit + 0.1 * unit.passage.score + heading - pair_penalty - optional
            accepted = not unknown_missed and (
                (coverage >= 0.5 and key_covered) or coverage >= 0.67 or (cue and coverage >= 0.4 and key_covered)
            )
            if accepted:
                scored.append((score, unit))
        if not scored:
            named = len(targets) == 1 and targets[0] in self.corpus.postings and targets[0] in focus
            where = f" for {self.corpus.label(targets[0])}" if named else ""
            return _abstain(f"The postings don't say{where}; I couldn't find it in them.")
        if needs and shape.is_list:
            # "What are the must-have requirements?", "What languages does it require?": the items under a
            # posting's "Advantageous (nice to have)" are not what it requires, where it says what it
            # does (and quoted they would not say so; "CCRN certification preferred" does)
            wished = lambda unit: bool(_OPTIONAL.search(unit.passage.section))
            for pid in {u.passage.posting_id for _, u in scored}:
                if any(not wished(u) for _, u in scored if u.passage.posting_id == pid):
                    scored = [(sc, u) for sc, u in scored if u.passage.posting_id != pid or not wished(u)]
        scored.sort(key=lambda s: (-s[0], s[1].rank, s[1].start))
        chosen = self._choose(shape, scored, targets, terms)
        multi = len({u.passage.posting_id for u in chosen}) > 1 or len(targets) > 1
        # "Is there a bonus for this job?" with no role named, among many postings: the one
        # answered is named, or its sentence reads as every posting's
        # (so is the one of several that fit the name alike: "5 other postings fit" follows)
        unnamed = not multi and len(self.corpus.postings) > 1 and (chosen[0].passage.posting_id not in focus or len(focus) > 1)
        claims: list[Claim] = []
        as_list = shape.is_list and len(chosen) > 1 and not multi
        if as_list:
            claims.append(Claim(f"From the posting for {self.corpus.label(chosen[0].passage.posting_id)}:"))
        lines_of: dict[str, list[Unit]] = {}
        for unit in chosen:
            lines_of.setdefault(unit.passage.posting_id, []).append(unit)
        for unit in chosen:
            body = _BULLET.sub("", unit.text)
            own = lines_of[unit.passage.posting_id]
            if multi and len(own) > 1:  # a few lines of one compared role: under its name
                if unit is own[0]:
                    claims.append(Claim(f"{self.corpus.label(unit.passage.posting_id)}:"))
                claims.append(Claim(body, unit.passage, (unit.text,), bullet=True))
                continue
            if multi or (unnamed and not as_list and not shape.is_yes_no):
                body = f"{self.corpus.label(unit.passage.posting_id)}: {body}"
            elif shape.is_yes_no and not as_list:
                where = f" for {self.corpus.label(unit.passage.posting_id)}" if unnamed else ""
                # "Does it pay an annual bonus?" - "we don't run an annual cash bonus scheme": a no
                # and "... as soon as they start?" - "eligible after 3 months of service": not at once
                at_once = bool(_ASKS_AT_ONCE.search(shape.text) and _ONLY_AFTER.search(unit.text))
                no = "No. " if unit is chosen[0] and not claims and not _NEGATION.search(shape.text) and (
                    _denied(unit.text, terms) or at_once) else ""
                body = f"{no}The posting{where} says: “{body}”"
            claims.append(Claim(body, unit.passage, (unit.text,), bullet=as_list))
        if len(targets) > 1:
            # A role asked about that no sentence answers is said to be silent, not left out: an
            # answer about one of two roles reads as the whole comparison.
            answered = {u.passage.posting_id for u in chosen}
            claims += [Claim(f"For {self.corpus.label(pid)}, I couldn't find this in its posting.") for pid in targets
                       if pid not in answered and pid in self.corpus.postings]
            verdict = _date_verdict(shape.text, chosen, self.corpus.label) or _amount_verdict(shape.text, chosen, self.corpus.label)
            if verdict:
                claims.append(Claim(verdict))
        return Draft(claims, abstained=False)

    def _coverage(self, unit: Unit, shape: QuestionShape, terms: list[str], weights: dict[str, float]):
        stems = set(content_stems(unit.text)) | set(content_stems(unit.passage.section))
        # "vacation days" are answered by "2 days of paid time off", where the posting does not
        # say the asked word itself: then the line that says it answers ("including equity
        # (RSUs)" rather than "+ RSUs")
        # ("time" and "off" a posting says in other senses, "Full-time", "Fridays off", so "time
        # off" is still said by "Annual leave is 18 working days a year"; "shipping lines" leave
        # a "subject line" said by "subject", a "lunch break" lunch money said by "meal vouchers",
        # "references will be checked" a police check said by "police clearance", "night buses" a
        # night supplement by "hours worked between 22:00 and 06:00")
        stems |= _said_as(unit.text) - (self.corpus.posting_stems.get(unit.passage.posting_id, frozenset()) - _SAID_IN_OTHER_SENSES)
        if "accommod" in stems and _ADJUSTMENT.search(unit.text):
            stems -= _HOUSING  # an interview's "reasonable accommodation" is no place to stay
        intent = shape.primary
        if intent is not None and intent.name == "start" and "avail" in stems and not _AVAILABLE_FROM.search(unit.text):
            stems.discard("avail")  # "Sponsorship is not available" is no start; "available from 1 March" is
        if intent is not None and intent.name == "start" and _DATE_SPAN.search(unit.text):
            stems |= _END_WORDS  # "When does it start and end?" is answered by "from 15 June to 21 August"
        section_hit = bool(intent and intent.section and intent.section.search(unit.passage.section))
        # (every line under "How to apply" says how; the cue finds such a sentence elsewhere)
        cue = bool(intent and intent.cue and intent.cue.search(unit.text)) or (section_hit and intent.name == "apply")
        # A sentence that says the intent's own word ("start", "salary") beats one that only
        # matches its cue (any month, any amount).
        cue = cue + (0.7 if intent and cue and stems & intent.synonyms else 0.0)
        if intent is not None and intent.cue is None and shape.is_yes_no and stems & intent.synonyms & _stem_set(shape.text):
            cue += 0.35  # "Is Japanese required?": the line that says "required", which no cue finds
        not_start = intent is not None and intent.name == "start" and bool(_NOT_A_START.search(unit.text))
        if not_start:
            cue = 0.0  # "Closing date: 14 March" has a month and a "date", but is no start
        if intent is not None and intent.name == "schedule" and _HOURLY_RATE.search(unit.text):
            stems -= {"hour", "per"}  # "$44.00 – $52.00 CAD per hour" is pay, not hours worked
        if intent is not None and intent.name == "schedule":
            # a time of day says the schedule as "hours" says its own word; a week's hours say it
            # too, less than the times ("24 hours per week" / "Saturdays, 9:00 AM to 6:00 PM")
            cue += 0.7 if _CLOCK.search(unit.text) else 0.35 if _WEEKLY.search(unit.text) else 0.0
            if _WEEKDAY.search(unit.text) and _CLOCK.search(unit.text):
                stems |= _PER_WEEK  # "hours per week" is said by "Monday to Thursday, 8:00 am – 5:00 pm"
        named, sides = _asked_shapes(shape.text, tuple(terms))
        if named and _names_things(unit.text, named):
            stems.add(named)  # the list names the things asked for
            cue += 1.0
        covered_weight = 0.0
        # The most specific word must be covered; a number in the question ("graduating in
        # 2025") is a value to compare with, not a word the answer must repeat.
        words_only = [t for t in terms if not t.isdigit()]
        # An intent's own word ("duties", "salary") is covered by its section or cue; the most
        # specific of the other words ("on-call") is what an answer must say.
        specific = [t for t in words_only if not any(_intent_word(t, i) for i in shape.intents)]
        words_only = specific or words_only
        top = max((weights[t] for t in words_only), default=0.0)
        keys = {t for t in words_only if weights[t] >= top * 0.999}
        key_covered = not keys
        unknown_missed = False
        # "manual or automatic?" is answered by "automatic transmissions": one side of an "or" is
        # the whole of it
        either = {t for side in sides for t in side} if any(
            all(any(stems_match(t, s) for s in stems) for t in side) for side in sides) else set()
        for t in terms:
            if t in either:
                covered_weight += weights[t]
                key_covered = key_covered or t in keys
                continue
            strict = [i for i in shape.intents if i.strict and _intent_word(t, i)]
            if strict:
                # the section's heading leads its sentence in: "CLOSING DATE" / "28 February 2025."
                hit = any(i.cue is not None and (i.cue.search(unit.text) or i.section and i.section.search(unit.passage.section)
                                                 and i.cue.search(f"{unit.passage.section} {unit.text}")) for i in strict)
                if hit and t in _REPORT_WORDS:
                    hit = bool(_REPORTS_TO.search(unit.text))  # whom the role reports to, not "a team of 13"
            elif not_start and t in intent.synonyms:
                hit = False  # "the start date" is not said by "There is no fixed closing date"
            else:
                hit = any(stems_match(t, s) for s in stems) or names_language(t, unit.text) or says_initials(t, unit.text)
            if not hit and not strict:
                for i in shape.intents:
                    if _intent_word(t, i):
                        # (a closing date's month is no start: ``_NOT_A_START``)
                        no_start = i.name == "start" and bool(_NOT_A_START.search(unit.text))
                        hit = (bool(stems & i.synonyms) or bool(i.cue and i.cue.search(unit.text))) and not no_start or bool(not i.cue and i.section and i.section.search(unit.passage.section))
                        if hit:
                            break
            if hit:
                covered_weight += weights[t]
                if t in keys:
                    key_covered = True
            elif not t.isdigit() and t not in self.corpus.chunk_df and not any(_intent_word(t, i) for i in shape.intents):
                unknown_missed = True  # asks about something no posting mentions at all ("benefits" may head none)
        total = sum(weights.values())
        coverage = covered_weight / total if total else (0.7 if cue or section_hit else 0.0)
        return coverage, cue, section_hit, key_covered and not unknown_missed, unknown_missed

    def _choose(self, shape: QuestionShape, scored: list[tuple[float, Unit]], targets: list[str], terms: list[str] = ()) -> list[Unit]:
        best_score, best = scored[0]
        if len(targets) > 1:  # several roles named: the best sentence of each
            chosen = []
            for pid in targets:
                own = [(score, unit) for score, unit in scored if unit.passage.posting_id == pid]
                if not own or own[0][0] < 0.6 * best_score:
                    continue
                if not _LIST_TOPIC.search(shape.text):
                    chosen.append(own[0][1])
                    # "Compare probation and notice periods": the best line of each role says the
                    # probation only; the role's best line for what it leaves out comes too
                    # (only a topic named beside another, "X and Y", that the best line leaves out)
                    said = lambda u: set(content_stems(u.text)) | _said_as(u.text)
                    missing = {t for a, b in _TWO_TOPICS.findall(shape.text) for t, other in ((stem(a.lower()), stem(b.lower())), (stem(b.lower()), stem(a.lower())))
                               if t in terms and other in said(own[0][1]) and t not in said(own[0][1])}
                    more = next((u for _, u in own[1:] if not u.pair and missing & said(u)), None) if missing else None
                    if more is not None:
                        chosen.append(more)
                    continue
                # "Compare the benefits of A and B": a few lines of each, from the section of its
                # best one, in the posting's order; one line each left most of both out
                top_score, top = own[0]
                lines = [u for s, u in own if not u.pair and s >= 0.75 * top_score and u.passage.section == top.passage.section]
                lines.sort(key=lambda u: (u.passage.start + u.start))
                chosen.extend(_dedupe(lines)[:4] or [top])
            return chosen or [best]
        if shape.is_list:
            same = [u for s, u in scored if not u.pair and u.passage.posting_id == best.passage.posting_id and s >= 0.75 * best_score]
            # a list comes from the sections that answer it when there are some: "Which
            # certifications ...?" is not answered by "Salary: ..., depending on experience"
            section = shape.primary.section if shape.primary else None
            in_section = [u for u in same if section and section.search(u.passage.section)]
            same = in_section or same
            same.sort(key=lambda u: (u.passage.start + u.start))
            return _dedupe(same)[:8] or [best]  # (the best may be two sentences read together)
        chosen = [best]
        for score, unit in scored[1:4]:
            overlaps = unit.passage.chunk_id == best.passage.chunk_id and unit.start < best.end and best.start < unit.end
            if score >= 0.9 * best_score and not overlaps and unit.passage.posting_id == best.passage.posting_id:
                chosen.append(unit)
                break
        return chosen

    def _company_of(self, pid: str) -> frozenset[str]:
        """The company's name words without its legal form: "Snap Inc" and "Snap" are one."""
        fields = self.corpus.postings.get(pid)
        return frozenset(content_stems(fields.company)) - _LEGAL_FORMS if fields and fields.company else frozenset()

    def _what_the_company_does(self, shape: QuestionShape, pid: str) -> Draft | None:
        """"What does Halcyon Energy do?" names the company, not a role: its own description (the
        first sentence of an "About" section, or one that names it), not the role's duties."""
        fields = self.corpus.postings.get(pid)
        m = _WHAT_DOES_DO.match(shape.text)
        if fields is None or not fields.company or m is None:
            return None
        subject, company = set(content_stems(m.group(1))) - _LEGAL_FORMS, set(content_stems(fields.company))
        if not subject or not subject <= company:
            return None
        first_word = fields.company.split()[0].lower()
        for about_section in (True, False):
            for passage in self.corpus.by_posting.get(pid, []):
                if about_section != bool(_ABOUT_HEADING.search(passage.section)):
                    continue
                for a, b in sentences(passage.text):
                    text = passage.text[a:b]
                    if len(text) >= 40 and not _is_bullet(text) and (about_section or first_word in text.lower()):
                        return Draft([Claim(f"{fields.company}: {text}", passage, (text,))], abstained=False)
        return None

    # -- overview ---------------------------------------------------------------------------
    def _overview(self, targets: list[str]) -> Draft:
        claims: list[Claim] = []
        for pid in targets[:3]:
            fields = self.corpus.postings.get(pid)
            if fields is None:
                continue
            label = self.corpus.label(pid)
            intro = self._first_description(pid)
            if intro is not None:
                claims.append(Claim(f"{label}: {intro[1]}", intro[0], (intro[1],)))
            for name in ("company", "locations", "employment_type", "duration", "salary", "office_policy"):
                claim = self._field_claim(fields, label, name)
                if claim is not None and name != "company":
                    claims.append(claim)
        if not claims:
            return _abstain("I couldn't find a description of that role in the postings.")
        return Draft(claims, abstained=False)

    def _first_description(self, pid: str) -> tuple[Passage, str] | None:
        for passage in self.corpus.by_posting.get(pid, []):
            for a, b in sentences(passage.text):
                text = passage.text[a:b]
                if len(text) >= 60 and not text.lstrip().startswith(("-", "*", "•")):
                    return passage, text
        return None

    # -- lookups ----------------------------------------------------------------------------
    def _find(self, pid: str, literal: str) -> tuple[Passage | None, str]:
        needle = literal.lower().strip()
        for passage in self.corpus.by_posting.get(pid, []):
            if needle and needle in passage.text.lower():
                sentence = self._sentence_with(passage, literal)
                if is_instruction(sentence):
                    continue  # a value planted in text addressed to an AI is not the posting's
                return passage, sentence
        return None, ""

    def _find_regex(self, pid: str, pattern: str | re.Pattern[str], section: re.Pattern[str] | None = None) -> tuple[Passage | None, str]:
        """The first sentence of the posting ``pattern`` finds; under a heading ``section`` finds,
        read with the heading before it ("CLOSING DATE" / "28 February 2025.")."""
        rx = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, re.IGNORECASE)
        for passage in self.corpus.by_posting.get(pid, []):
            m = rx.search(passage.text)
            if m:
                return passage, self._sentence_at(passage, m.start())
            if section is not None and section.search(passage.section):
                m = rx.search(f"{passage.section} {passage.text}")
                if m:
                    return passage, self._sentence_at(passage, max(0, m.start() - len(passage.section) - 1))
        return None, ""

    @staticmethod
    def _sentence_at(passage: Passage, offset: int) -> str:
        for a, b in sentences(passage.text):
            if a <= offset < b:
                return passage.text[a:b]
        return passage.text

    def _sentence_with(self, passage: Passage | None, literal: str) -> str:
        if passage is None:
            return ""
        at = passage.text.lower().find(literal.lower())
        return self._sentence_at(passage, max(at, 0))


def _initials(title: str) -> set[str]:
    """The short forms a title's capitalised words make: "Customer Success Manager" -> "csm"."""
    words = re.findall(r"[A-Z][\w-]*", title.split(",")[0])
    return {"".join(w[0] for w in words[a:b]).lower() for a in range(len(words)) for b in range(a + 2, len(words) + 1)}


def _intent_word(term: str, intent) -> bool:
    """``term`` is one of the intent's own words ("salari" for salary, "duti" for duties)."""
    return term in intent.synonyms or any(stems_match(term, syn) for syn in intent.synonyms)


_VERDICT = re.compile(r"^(Yes|No)\. ")


def _one_verdict(claims: list[Claim]) -> list[Claim]:
    """"Is the Acme job in Berlin?" of two Acme postings: "Yes, for both. For A: ... For B: ...",
    not "Yes." before each; postings that differ keep their own."""
    verdicts = {m.group(1) if m else None for m in (_VERDICT.match(c.text) for c in claims)}
    if len(claims) < 2 or len(verdicts) != 1 or None in verdicts:
        return claims
    each = "both" if len(claims) == 2 else f"all {len(claims)}"
    bare = [replace(c, text=_VERDICT.sub("", c.text, count=1)) for c in claims]
    return [Claim(f"{verdicts.pop()}, for {each}.")] + bare


def _abstain(text: str) -> Draft:
    return Draft([Claim(text)], abstained=True)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _dedupe(units: list[Unit]) -> list[Unit]:
    seen, out = set(), []
    for u in units:
        key = re.sub(r"\W+", " ", u.text.lower()).strip()
        if key not in seen:
            seen.add(key)
            out.append(u)
    return out


_COUNT = re.compile(r"\b\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b", re.IGNORECASE)


def _count(word: str) -> int:
    """"4" or "four" -> 4."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _counts_what_is_asked(text: str, terms: list[str]) -> bool:
    """Whether a sentence of ``text`` has both a number and a word of the question."""
    for a, b in sentences(text):
        sentence = text[a:b]
        if _COUNT.search(sentence):
            stems = content_stems(sentence)
            if any(stems_match(t, s) for t in terms for s in stems):
                return True
    return False


def _is_bullet(text: str) -> bool:
    return bool(re.match(r"^\s*(?:[-*•·▪◦–]|\d{1,2}[.)])\s+", text))


# Capitalised words after "in" that are no place: "Is the interview in English?", "... in March?"
_NOT_A_PLACE = frozenset(content_stems(
    "english french german spanish italian portuguese dutch polish mandarin chinese japanese arabic hindi russian turkish "
    "korean january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday spring summer autumn fall winter engineering sales marketing finance "
    "operations product design research support legal data python java person office"))
# "Is the Northgate warehouse job in Mississauga?": a capitalised name ending a yes/no question about the role
_IN_NAME = re.compile(r"^\W*(?i:is|are)\b.*?\b(?:in|based in|located in)\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})\W*$"
                      # "The joiner job is in Cincinnati, right?"
                      r"|\b(?i:is|are)\s+(?:based\s+|located\s+)?in\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2}),\s*(?i:right|correct|isn['’]t it)\W*$")


def _asks_place(shape: QuestionShape, said: Mapping[str, int]) -> str | None:
    """A named city in a yes/no question ("Is the internship in London?"), or a name no posting
    says that ends one ("Is the chef job in Killarney?"): a place, and none of the postings'."""
    if not shape.is_yes_no:
        return None
    places = [p for p in find_places(shape.text) if p != "Remote"]
    if places:
        return places[0]
    m = _IN_NAME.search(shape.text)
    if m is None:
        return None
    name = m.group(1) or m.group(2)
    stems = content_stems(name)
    return name if stems and not any(t in said or t in _NOT_A_PLACE for t in stems) else None


def _clause_intents(shape: QuestionShape) -> list[tuple[str, list]]:
    """The question's clauses, each with the question's intents it asks."""
    return [(c, [i for i in shape.intents if i.trigger.search(c)]) for c in _CLAUSE.split(shape.text) if c.strip()]


def _fields_apart(shape: QuestionShape) -> bool:
    """Some clause asks only for fields, and none asks for a field together with something only
    a sentence answers: "What is the salary, and what team is it on?"."""
    kinds = [{bool(i.field) for i in intents} for _, intents in _clause_intents(shape)]
    return len(kinds) >= 2 and {True} in kinds and {True, False} not in kinds


def _asked_kind(shape: QuestionShape) -> str | None:
    """The kind of employment a question asks about ("internships", "contract roles"), spelt as
    PostingFields spells it."""
    asked = re.search(r"\b(intern(?:s|ships?)?|contract(?:s|ors?)?|part[- ]time)\b", shape.text, re.IGNORECASE)
    if not asked:
        return None
    word = asked.group(1).lower()
    return "intern" if word.startswith("intern") else "contract" if word.startswith("contract") else "part time"


def _kept(cache: dict, pid: str, read):
    """``read(pid)``, computed once per posting and kept in ``cache`` (a dict of the corpus, so a
    new corpus starts afresh); a race only computes it twice."""
    if pid not in cache:
        cache[pid] = read(pid)
    return cache[pid]


def _tidy_pay_line(line: str) -> str:
    return as_prose(_BULLET.sub("", line.strip()))


def _package_rows(pay: Claim) -> list[Claim]:
    """The lines right below a pay line that end its line, each with an amount in the pay's own
    currency: "Housing allowance ...... AED 3,500 per month", "Total monthly package ...... AED
    14,000", what a breakdown of the pay asks for; up to the first line that has none."""
    if pay.passage is None or not pay.quotes:
        return []
    text, quote = pay.passage.text, pay.quotes[0]
    at = text.find(quote)
    first = extract_salary(quote, [Section(pay.passage.section, quote, 0, len(quote))]) if at >= 0 else None
    if first is None or not re.match(r"[ \t]*\n", text[at + len(quote):]):
        return []
    rows = []
    for line in text[at + len(quote):].split("\n")[1:7]:
        amount = _AMOUNT_IN.search(line)
        if not line.strip() or amount is None or _currency_of(amount.group(0)) != first.currency:
            break
        rows.append(Claim(_tidy_pay_line(line.strip()), pay.passage, (line.strip(),)))
    return rows


def _currency_of(amount: str) -> str | None:
    salary = extract_salary(f"Pay: {amount} per month")
    return salary.currency if salary else None


def _other_rates(text: str, end: int, quote: str, section: str) -> list[str]:
    """The pay lines right below a pay line that ends its line, each stating pay by the same
    period: the other rates of a list ("Anwärter ... €2,310 gross per month" / "Landesskilehrer
    ... €2,890 gross per month"), which the first alone would answer for half the people asked."""
    def pay_in(line: str):  # (under its heading: "Pay" / "$38 per hour")
        return extract_salary(line, [Section(section, line, 0, len(line))])

    first = pay_in(quote)
    if first is None or first.period is None or not re.match(r"[ \t]*\n", text[end:]):
        return []
    rates = []
    for line in text[end:].split("\n")[1:]:
        rate = pay_in(line.strip()) if line.strip() else None
        # (of the same pay: "Grocery vouchers | MXN 2,200 per month" is a tenth of a monthly salary)
        if (rate is None or _TOTAL_PAY.search(line) or _ADDED_PAY.search(line) or rate.period != first.period or rate.currency != first.currency
                or not (first.min and rate.min and 0.5 <= rate.min / first.min <= 2)):
            break
        rates.append(line.strip())
    return rates


@functools.lru_cache(maxsize=1024)
def _stem_set(text: str) -> frozenset[str]:
    """The content stems of a short text met again and again while scoring (a heading, a line's
    label, the question), computed once."""
    return frozenset(content_stems(text))


@functools.lru_cache(maxsize=256)
def _asked_shapes(question: str, terms: tuple[str, ...]) -> tuple[str | None, tuple[list[str], ...]]:
    """What ``_coverage`` reads of the question for every sentence it scores, read once: the stem
    of the things whose names are asked ("which products") and the two sides of an "or"."""
    named = _NAMED_THINGS.search(question)
    return (stem(named.group(1)) if named else None), _alternatives(question, list(terms))


_MONTH_NUMBER = {m.lower(): n for n, m in enumerate(_MONTHS, start=1)}
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]+),?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Z][a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
# "Which closes first ...?", "... the later closing date ...?": the comparison asks which date
_ASKS_EARLIER = re.compile(r"\b(?:earlier|earliest|sooner|soonest|first|before)\b", re.IGNORECASE)
_ASKS_LATER = re.compile(r"\b(?:later|latest|last|after)\b", re.IGNORECASE)
_DATE_TOPICS = (
    (re.compile(r"\b(?:start\w*|begin\w*)\b", re.IGNORECASE), re.compile(r"\b(?:start\w*|begin\w*|launch\w*|commenc\w*)\b", re.IGNORECASE)),
    (re.compile(r"\b(?:clos\w*|deadlines?|apply)\b", re.IGNORECASE), re.compile(r"\b(?:clos\w*|deadlines?|apply by|due)\b", re.IGNORECASE)),
)


def _dates(text: str) -> list[tuple[tuple[int, int, int], str]]:
    """The full dates a sentence writes ("14 March 2025", "April 7, 2025"), as (y, m, d) and as written."""
    found = []
    for m in _DAY_MONTH_YEAR.finditer(text):
        month = _MONTH_NUMBER.get(m.group(2).lower())
        if month:
            found.append((m.start(), (int(m.group(3)), month, int(m.group(1))), m.group(0)))
    for m in _MONTH_DAY_YEAR.finditer(text):
        month = _MONTH_NUMBER.get(m.group(1).lower())
        if month:
            found.append((m.start(), (int(m.group(3)), month, int(m.group(2))), m.group(0)))
    return [(when, said) for _, when, said in sorted(found)]


_IN_DATE_ORDER = re.compile(r"\b(?:(earliest|soonest|latest)\s+(?:one\s+)?first|in\s+(?:date|chronological)\s+order|(?:sorted|ordered)\s+by\s+date)\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})([./])(\d{1,2})[./](\d{4})\b")
# month names as boards in other languages write them: "9. februar 2025", "25 de janeiro de 2025"
_MONTHS_ABROAD = {name: n for n, names in enumerate((
    "january januar enero janvier gennaio janeiro", "february februar febrero février fevrier febbraio fevereiro",
    "march märz marts mars marzo março", "april abril avril aprile", "may mai maj mayo maggio maio", "june juni junio juin giugno junho",
    "july juli julio juillet luglio julho", "august agosto août aout", "september septiembre settembre setembro",
    "october oktober octubre octobre ottobre outubro", "november noviembre novembre novembro",
    "december dezember diciembre décembre decembre dicembre dezembro"), start=1) for name in names.split()}
_DATE_ABROAD = re.compile(rf"\b(\d{{1,2}})\.?\s+(?:de\s+)?({'|'.join(_MONTHS_ABROAD)})\s+(?:de\s+)?(\d{{4}})\b", re.IGNORECASE)


def _date_key(text: str) -> tuple[int, int, int] | None:
    """The first full date ``text`` writes, as (y, m, d): in English words, in another language's
    ("9. februar 2025"), or in figures read day first ("20.07.2025", "14/02/2025"; a slashed date
    only when its day cannot be a month)."""
    dates = _dates(text)
    if dates:
        return dates[0][0]
    m = _DATE_ABROAD.search(text)
    if m:
        return int(m.group(3)), _MONTHS_ABROAD[m.group(2).lower()], int(m.group(1))
    m = _NUMERIC_DATE.search(text)
    if m is None:
        return None
    day, month = int(m.group(1)), int(m.group(3))
    if m.group(2) == "/" and day <= 12:
        return None  # "02/03/2025": which is the month is not written
    return (int(m.group(4)), month, day) if 1 <= month <= 12 else None


def _date_written(text: str) -> list[tuple[tuple[int, int, int], str]]:
    """The date ``_date_key`` reads in another language or in figures ("31/03/2025"), as
    ``_dates`` gives English ones, or none."""
    when = _date_key(text)
    said = _DATE_ABROAD.search(text) or _NUMERIC_DATE.search(text)
    return [(when, said.group(0))] if when and said else []


def _date_verdict(question: str, chosen: list[Unit], label) -> str | None:
    """Which of two roles' dates comes first or last, as the question asks it, when each role's
    answer says one full date: "So Sous Chef ... comes first: 3 March 2025, against April 7, 2025."."""
    earlier, later = bool(_ASKS_EARLIER.search(question)), bool(_ASKS_LATER.search(question))
    if earlier == later:
        return None
    # a sentence of several dates gives the one its cue names: "Start date: 3 March 2025 (contract ends 31 October 2025)"
    topic = next((cue for asked, cue in _DATE_TOPICS if asked.search(question)), None)
    per_role: dict[str, list] = {}
    for unit in chosen:
        dates = _dates(unit.text) or _date_written(unit.text)
        if len({when for when, _ in dates}) > 1 and topic is not None:
            cued = topic.search(unit.text)
            dates = [d for d in dates if cued and unit.text.find(d[1]) > cued.start()][:1]
        per_role.setdefault(unit.passage.posting_id, []).extend(dates)
    if len(per_role) != 2 or any(len({when for when, _ in dates}) != 1 for dates in per_role.values()):
        return None
    sides = {pid: dates[0] for pid, dates in per_role.items()}
    ordered = _ordered_sides(sides, highest=not earlier)
    if ordered is None:
        return f"Both say the same date, {next(iter(sides.values()))[1]}."
    (a, said_a), (_, said_b) = ordered
    return f"So {label(a)} comes {'first' if earlier else 'later'}: {said_a}, against {said_b}."


# "Which has more weekly hours ...?", "... the bigger employer contribution?": which side's amount is larger
_ASKS_MORE = re.compile(r"\b(?:more|most|higher|highest|bigger|biggest|larger|largest|greater|longer)\b", re.IGNORECASE)
_ASKS_LESS = re.compile(r"\b(?:fewer|less|least|lower|lowest|smaller|smallest|shorter)\b", re.IGNORECASE)
# "40 hours per week", "37.5 hours", "a 4% company match", "10 days": a count with its unit ("8-hour shifts" is a kind of shift);
# "a three-month probation", "6 months": a duration
_QUANTITY = re.compile(rf"(?<![\w.-])(\d+(?:\.\d+)?|(?:{'|'.join(_NUMBER_WORDS)})\b)"
                       r"(?:\s*(%|percent\b|hours?\b|hrs?\b|days?\b|weeks?\b)|[\s-](months?|years?)\b)", re.IGNORECASE)
# What a question asks to be counted, by the count's unit: "more weekly hours" is hours, "the bigger
# contribution" a per cent, "the longer probation" months or years
_ASKED_UNIT = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in (
    ("%", r"\b(?:percent|contribution|match|bonus|commission|rate)\b|%"), ("hour", r"\b(?:hours?|hourly)\b"),
    ("day", r"\b(?:days?|daily)\b"), ("week", r"\b(?:weeks?|weekly)\b"),
    ("month", r"\b(?:months?|probation\w*|trial|notice|contract|longer|shorter)\b"), ("year", r"\b(?:years?|contract|longer|shorter)\b"))}


def _amount_verdict(question: str, chosen: list[Unit], label) -> str | None:
    """Which of two roles has more (or less) of a count asked about, when each role's answer says
    one count in the same unit: "So Customer Support Specialist ... has more: 40 hours, against 37.5 hours."."""
    more, less = bool(_ASKS_MORE.search(question)), bool(_ASKS_LESS.search(question))
    if more == less or not re.search(r"\b(?:which|who|whose)\b|\bor\b", question, re.IGNORECASE):
        return None  # "Tell me more about A and B" compares nothing
    per_role: dict[str, set] = {}
    for unit in chosen:
        per_role.setdefault(unit.passage.posting_id, set())
        for m in _QUANTITY.finditer(unit.text):
            kind = (m.group(2) or m.group(3)).lower().rstrip("s")
            kind = {"percent": "%", "hr": "hour"}.get(kind, kind)
            if _ASKED_UNIT[kind].search(question):
                number = m.group(1)
                value = float(number) if number[0].isdigit() else float(_NUMBER_WORDS[number.lower()])
                said = m.group(0) if not m.group(3) else f"{number} {kind}{'' if value == 1 else 's'}"  # "three-month" -> "three months"
                per_role[unit.passage.posting_id].add((value, kind, said))
    if len(per_role) != 2:
        return None
    # the one unit both roles state once: "Probationary (6 months)" against "a two-year renewable
    # contract, and the first three months are probationary" compares months
    kinds = [k for k in {kind for found in per_role.values() for _, kind, _ in found}
             if all(sum(kind == k for _, kind, _ in found) == 1 for found in per_role.values())]
    if len(kinds) != 1:
        return None
    (a, [(value_a, kind_a, said_a)]), (b, [(value_b, kind_b, said_b)]) = (
        (pid, [q for q in found if q[1] == kinds[0]]) for pid, found in per_role.items())
    ordered = _ordered_sides({a: (value_a, said_a), b: (value_b, said_b)}, highest=more)
    if ordered is None:
        return f"Both say {said_a}."
    (a, said_a), (_, said_b) = ordered
    if kind_a in ("month", "year"):
        return f"So {label(a)} is the {'longer' if more else 'shorter'}: {said_a}, against {said_b}."
    return f"So {label(a)} has {'more' if more else 'less'}: {said_a}, against {said_b}."


def _ordered_sides(sides: dict[str, tuple], highest: bool) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """Two roles' (value, as written), the one asked for first: the higher when ``highest``, else
    the lower; None when they are equal."""
    (a, (value_a, said_a)), (b, (value_b, said_b)) = sides.items()
    if value_a == value_b:
        return None
    return ((a, said_a), (b, said_b)) if (value_a > value_b) == highest else ((b, said_b), (a, said_a))


def _denied(sentence: str, terms: list[str]) -> bool:
    """A word of ``terms`` is denied within five words of it: "A $15,000 sign-on bonus is NOT
    offered", but not "Health insurance from day one, no waiting period" of "dental"."""
    if not _DENIES.search(sentence):
        return False
    # a word asked is denied as the posting says it: "housing" by "Staff accommodation is not provided"
    terms = set(terms).union(*(family for _, family in _SAID_AS if family & set(terms)))
    # "no sooner than December 2026", "not more than 2 pages": a bound, not a denial
    sentence = _BOUND_NOT.sub(" ", sentence)
    # within its clause: "Virtual stock options (VSOP) – we don't run a cash bonus scheme" denies
    # the bonus, not the options; "Staff accommodation is not provided, but we'll help" denies it
    for clause in _CLAUSE_BREAK.split(sentence):
        tokens = re.findall(r"[\w'’]+", clause)
        denials = [n for n, w in enumerate(tokens) if _DENIES.fullmatch(w)]
        asked = [n for n, w in enumerate(tokens) if denials and (stem(w.lower()) in terms
                                                                  or any(stems_match(stem(w.lower()), t) for t in terms))]
        if any(abs(n - d) <= 5 for n in asked for d in denials):  # ("Sponsorship is not available" denies "sponsor")
            return True
    return False


# "Accommodations are available on request ... in the selection process", "reasonable accommodation"
_ADJUSTMENT = re.compile(
    r"\breasonable accommodations?\b|\baccommodations?\b[^.\n]{0,80}\b(?:selection|interview\w*|hiring|recruitment|application)\s+process"
    r"|\baccommodations?\b[^.\n]{0,80}\b(?:disabilit\w*|AODA|ADA|accessib\w*)|\b(?:disabilit\w*|special needs?)\b[^.\n]{0,80}\baccommodat\w*",
    re.IGNORECASE)
_BOUND_NOT = re.compile(r"\b(?:no|not)\s+(?:sooner|later|earlier|more|less|fewer|longer|shorter|greater)\s+than\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"\s[–—]\s|;|[()]|,\s*(?=(?:but|however|although|though|yet|while|whereas)\b)", re.IGNORECASE)


def _names_things(text: str, asked: str) -> bool:
    """``text`` lists names of the things asked for: not tools ("PyTorch, TensorFlow, or JAX"),
    months, places, nor other things ("Content ML and Platform teams" names no products)."""
    for m in _NAMED_LIST.finditer(text):
        after = m.group(1)
        names = m.group(0) if after is None else m.group(0)[: m.start(1) - m.start()]
        if (TOOL_NAME.search(names) or _MONTH_NAME.search(names) or find_places(names)
                or (after is not None and not stems_match(stem(after), asked))):
            continue
        return True
    return False


def _said_as(text: str) -> set[str]:
    """The stems ``text`` says in other words (``_SAID_AS``)."""
    said = {t for pattern, family in _SAID_AS if pattern.search(text) for t in family}
    return said - _HOUSING if _ADJUSTMENT.search(text) else said


def _heads_its_lines(text: str, a: int, b: int) -> bool:
    """``text[a:b]`` is a heading line of its own: a whole short line with no sentence's end and
    no value (a figure, a label's colon or leader, a table's bar), with more text under it
    ("Contract, probation and notice", "Période de probation")."""
    line = text[a:b].strip()
    return ((a == 0 or text[a - 1] == "\n") and text[b:].startswith("\n") and text[b:].strip() != ""
            and len(line) <= 60 and not re.search(r"[.!?:;,)]$|[\d:|]|\.\.", line) and not _is_bullet(line))


def _only_title(sentence: str, title: str | None) -> bool:
    """``sentence`` is the title and nothing more, bullets, punctuation and case aside (the
    length test first: most sentences are far longer than the title)."""
    plain = lambda text: re.findall(r"\w+", text.casefold())
    return bool(title) and len(sentence) <= len(title) + 8 and plain(sentence) == plain(title)


# "lift pass included or do I pay for it myself?": after the "or", a question of its own, whose
# "pay" is no alternative to the pass
_ASKS_AGAIN = re.compile(r"\s*(?:do|does|did|is|are|can|will|would|should|must|have|has)\s+(?:i|you|we|they|it)\b", re.IGNORECASE)


def _alternatives(text: str, said: list[str]) -> tuple[list[str], ...]:
    """The two sides of one "A or B" among the ``said`` stems: the run of them just before "or"
    and the run just after ("equity or stock options": [equiti], [stock, option]); () if none."""
    parts = re.split(r"\bor\b", text, flags=re.IGNORECASE)
    if len(parts) != 2 or _ASKS_AGAIN.match(parts[1]):
        return ()
    runs = []
    for words in (reversed(content_stems(parts[0])), content_stems(parts[1])):
        run = []
        for t in words:
            if t in _FILLER and t not in said:
                continue  # "visas or work permits": "work" frames "permits", one side of the "or"
            if t not in said:
                break
            run.append(t)
        runs.append(run)
    return tuple(runs) if all(runs) else ()


def _said_words(text: str) -> list[tuple[str, str]]:
    """The question's words as written, with their stems, stopwords left out."""
    return [(w, stem(w.lower())) for w in words_as_written(text) if w.lower() not in STOPWORDS]


# How a bound reads in an answer: of pay ("above USD 150,000"), of a count ("more than 25 days")
_BOUND_WORDS = {">": ("above", "more than"), ">=": ("of at least", "at least"), "<": ("below", "fewer than"),
                "<=": ("of at most", "at most"), "between": ("between", "between")}
_STATED = {"pay": "an amount of pay", "money": "an amount", "leave": "a number of days or weeks of time off",
           "experience": "a number of years of experience", "hours": "hours a week"}

_KIND_NOUNS = {"intern": ("internship", "internships"), "contract": ("contract role", "contract roles"),
               "part time": ("part-time role", "part-time roles")}


def _unstated(count: int, nouns: tuple[str, str], what: str) -> str:
    """"9 nurse postings do not state an amount." """
    return f"{count} {nouns[0]} does not state {what}." if count == 1 else f"{count} {nouns[1]} do not state {what}."


def _of_kind(kind: str | None, fields: PostingFields) -> bool:
    # (a seasonal or temporary job is on a contract for a fixed term: "Which are fixed-term contracts?")
    return not kind or kind in (fields.employment_type or "") or (kind == "contract" and fields.employment_type == "temporary")


def _has_policy(question: str, policy: str | None) -> bool:
    """Whether a posting's office policy is the one a role list asks for ("Which jobs are
    remote / hybrid / on-site?"); any policy when the question names none of them."""
    asked = re.search(r"\b(remote|hybrid|on-?site|in[- ]office|in[- ]person|work(?:ing)?[- ]from[- ]home|wfh|home[- ]?working|home[- ]based)\b",
                      question, re.IGNORECASE)
    if not asked:
        return True
    said = (policy or "").lower()
    hybrid = "hybrid" in said or bool(re.search(r"\b(?:[1-4]|one|two|three|four) days? (?:a|per) week", said))
    # "This is a hands-on clinic role; there is no remote option" is no remote policy
    # ("remote work is not possible" neither)
    remote = "remote" in said and not re.search(r"\b(?:no|not|non)[- ](?:fully[- ])?remote\b|\bnot (?:be )?(?:done |worked )?remotely\b"
                                               r"|\bremote(?: work(?:ing)?)? (?:is )?not (?:possible|available|an option|offered)\b", said)
    word = asked.group(1).lower()
    if re.search(r"\b(?:remote or hybrid|hybrid or remote)\b", question, re.IGNORECASE):
        return remote or hybrid  # "Which postings allow remote or hybrid work?": either
    if word not in ("remote", "hybrid") and not word.startswith(("on", "in")):
        return hybrid or remote or bool(re.search(r"\bfrom home\b|\bhome[- ]?(?:working|based)\b", said))  # any days at home
    if word == "remote":
        return remote and not hybrid
    if word == "hybrid":
        return hybrid
    return not hybrid and "remote" not in said and bool(re.search(r"on-?site|in[- ]office|in[- ]person|office|five days|5 days", said))
