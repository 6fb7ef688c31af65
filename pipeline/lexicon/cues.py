"""Lexicon of commitment cues: modal, assignment, progress and completion patterns, exclusions."""

from __future__ import annotations

import re

from pipeline.lang.rx import guarded
from pipeline.lexicon import genres

_I = re.IGNORECASE
W = r"[\wåäöÅÄÖé-]+"


def _gap(n: int) -> str:
    """A lazy run of up to ``n`` words, each followed by whitespace."""
    return rf"(?:{W}\s+){{0,{n}}}?"


def wordset(text: str) -> frozenset[str]:
    """A set of words written one run of text (keeps the long lists compact)."""
    return frozenset(text.split())


# Verbs after a modal that name a state, a goal or a possibility rather than a measure.
STATE_VERBS = (
    r"vara|finnas|ha|gälla|kunna|få|bli|rustas|må|känna|lyckas|innebära|omfatta|kosta|uppgå|"
    r"motsvara|ligga|räcka|stå|heta|handla|gå\s+bra|präglas|ses\s+som|upplevas|betraktas|"
    r"utgöra|behöva|vilja|råda|skydda|ge\s+svar|tas\s+ställning|ta\s+ställning|medföra|leda|påverka|"
    r"öka|minska|fungera|tillämpas|avse|komma|märkas|synas|behandla|besluta|yttra|prövas"
)
STATE_AHEAD = guarded(rf"^\s+(?:{W}\s+){{0,5}}?(?:{STATE_VERBS})\b", re.IGNORECASE)

CUES: list[tuple[str, str, re.Pattern[str]]] = [
    # (family, label, pattern); the label is what ends up in Commitment.cue.
    (
        "assignment",
        "i uppdrag",
        guarded(
            r"\b(?:ge|ger|gav|ges|gavs|getts|givits|givit|fått|får|fick|erhåller|erhöll)\b[^.;:?]{0,140}?\bi\s+uppdrag\b",
            _I,
        ),
    ),
    (
        "assignment",
        "uppdrar",
        guarded(r"\buppdr(?:ar|og|agit|as|ogs)\b|\buppmana(?:s|r)\s+att\b", _I),
    ),
    (
        "assignment",
        "får uppdraget",
        guarded(
            r"\b(?:fick|får|fått|ger|gav)\b[^.;:?]{0,80}?\buppdrag(?:et)?\s+(?:att|i\s+\w+\s+ledamots)|"
            r"\bger\s+(?:\w+\s+){0,3}?uppdrag\b",
            _I,
        ),
    ),
    (
        "assignment",
        "uppdraget är att",
        guarded(rf"\buppdrag(?:et)?\s+(?:{W}\s+)?(?:är|blir|var)\s+att\b", _I),
    ),
    ("proposal", "föreslår", guarded(r"\bföresl(?:år|ås|og|agit|ogs|agits)\b", _I)),
    # A decision reported in plain words, as news and press releases write it.
    (
        "decision",
        "bestämde",
        guarded(r"\bbestäm(?:de|t|mer)\s+(?:[\wåäö]+\s+){0,3}?att\b|\bbeslut\s+om\s+att\b", _I),
    ),
    ("proposal", "yrkar", guarded(r"\byrka(?:r|de|t)\b(?!\s+avslag)", _I)),
    ("proposal", "hemställer", guarded(r"\bhemställ(?:er|de|t|s|an)\b|\byrkande\b(?!n)", _I)),
    (
        "decision",
        "beslutar",
        guarded(
            r"\bbeslut(?:ar|ade|at|as)\s+(?:[\wåäö]+\s+){0,4}?att\b|\bbeslöt\s+att\b|\bbeslutar\b|\b(?:bifalls|beviljas|godkänns|fastställs|antas|tillstyrks|läggs\s+in|beaktas\s+vid|uppdras|reserveras|anvisas|avsätts|tilldelas)\b|\b(?:godkänner|fastställer|beviljar)\s+(?![^.]{0,40}\b(?:tjänsteutlåtande|rapport|redovisning|protokoll))",
            _I,
        ),
    ),
    ("future", "ska", guarded(r"\b(?:ska|skall)\b", _I)),
    (
        "future",
        "kommer att",
        guarded(rf"\bkommer\s+[^.;:?]{{0,120}}?\batt\s+(?!(?:{STATE_VERBS})\b)", _I),
    ),
    (
        "future",
        "avser att",
        guarded(
            rf"\b(?:avser|planerar|ämnar)\s+{_gap(3)}att\b|\bhar\s+för\s+avsikt\s+att\b|\bavsikten\s+är\s+att\b",
            _I,
        ),
    ),
    (
        # A promise in so many words: medborgarlöften, agreements and their lists.
        "future",
        "lovar",
        guarded(
            r"\b(?:(?:ut)?lova(?:r|de)|förbinder\s+(?:vi\s+oss|oss|sig)|åtar\s+(?:vi\s+oss|oss|sig)|åt(?:og|agit)\s+sig)\b|"
            r"\b(?:kommit|kom|är)\s+överens\s+om\s+att\b|\böverenskommelse(?:n)?\s+om\s+att\b",
            _I,
        ),
    ),
    (
        "future",
        "planeras",
        guarded(
            r"\b(?:planeras|avses|är\s+planerad[et]?)\b|\bplanerar\s+(?:ett|en)\b|\båterkommer\s+(?:[\wåäö]+\s+){0,3}?med\b|\bskulle\s+återkomma\b",
            _I,
        ),
    ),
    (
        "proposal",
        "vill",
        guarded(
            r"\bvill\s+(?:[\wåäö]+\s+){0,4}?(?:att|ge|se\s+över|uppdra)\b|\b(?:i\s+ett|sitt)\s+yrkande\b"
            # "Vi vill: Se en högre polisiär närvaro" (a list item after its lead-in)
            r"|\bvill\s+(?-i:(?=[A-ZÅÄÖ][a-zåäö]+\s))",  # the capital is case-sensitive
            _I,
        ),
    ),
    (
        "progress",
        "pågår",
        guarded(
            r"\bpågår\b|\bhåller\s+på\s+(?:att|med)\b|\bär\s+under\s+(?:uppbyggnad|utredning|framtagande|utveckling|upphandling|projektering|arbete)\b",
            _I,
        ),
    ),
    (
        "progress",
        "påbörjat",
        guarded(
            rf"\b(?:har|hade)\s+{_gap(3)}(?:påbörjat|inlett|startat\s+upp)\b|\bpåbörja(?:ts|des)\b|\bhar\s+{_gap(3)}(?:påbörjats|inletts|startats)\b",
            _I,
        ),
    ),
    (
        "progress",
        "genomför ett arbete",
        guarded(
            r"\b(?:genomför|bedriver|driver)\s+(?:nu\s+|just\s+nu\s+|även\s+)?(?:(?:ett|en)\s+)?(?:\w+\s+)?\w*(?:arbete|översyn|utredning|kartläggning|satsning|projekt|insats|utveckling)\w*\b|\barbetar\s+(?:\w+\s+){0,2}?(?:med|på)\s+att\b|\bgenomförs\s+(?:successivt|succesivt|löpande|stegvis|nu)\b",
            _I,
        ),
    ),
    (
        "done",
        "framtagna",
        guarded(r"\bframtagn(?:a|e|en|et)\b|\bhar\s+resulterat\s+i\s+\w+(?:ande|ende)t\b", _I),
    ),
    (
        "done",
        "togs fram",
        guarded(
            r"\b(?:togs\s+fram|tog\s+\w+\s+fram|infördes|inrättades|genomfördes|tillsattes|upprättades|antogs|startades|anställdes|rekryterades|tecknades|utarbetades|byggdes|invigdes|färdigställdes|slutfördes|tecknade|inrättade|genomförde|införde|anställde|upprättade|rekryterade)\b",
            _I,
        ),
    ),
    (
        "future",
        "börjar",
        guarded(
            r"\b(?:börjar|startar|påbörjas|öppnar|öppnas|införs|träder\s+i\s+kraft|tillträder|beräknas\s+vara\s+klar\w*|görs|genomförs|byggs|sker|utförs|upphandlas|anläggs|invigs|utreds|tas\s+fram|ses\s+över)\b",
            _I,
        ),
    ),
    (
        "cancel",
        "ska inte",
        guarded(
            r"\b(?:ska|skall|kommer)\s+inte\s+(?:längre\s+)?(?:att\s+)?\w+|\bhar\s+avbrutits\b|\bavbryts\b|\bdr(?:as|ogs)\s+tillbaka\b|\bavsl(?:ås|ogs)\b|\bhar\s+skjutits\s+upp\b|\bläggs\s+ned\b",
            _I,
        ),
    ),
]

# Passive supines of the case's own procedure, states and outcomes: never a measure done.
NOT_DONE_PASSIVE = wordset(
    """
    beretts behandlats remitterats lämnats mottagits inkommits granskats identifierats
    diskuterats föredragits anmälts redovisats informerats konstaterats framförts väckts
    besvarats noterats justerats beslutats ställts diarieförts delgetts funnits hänvisats
    uppmärksammats påpekats nämnts framkommits angetts ansetts bedömts begärts fåtts getts
    nåtts visats märkts sagts skrivits sänts skickats uppgetts efterfrågats aviserats
    föreslagits yrkats citerats kallats valts utsetts omnämnts tillställts överlämnats
    remitteras diskuteras förts frågats beskrivits upplevts godkänts tillkännagivits
    inhämtats ändrats baserats sorterats bordlagts förhandlats protokollförts bedrivits
    kastats drabbats påverkats präglats förändrats förbättrats försämrats lyckats
    """
)
# Supines that show the "har" belongs to a state, outcome or procedure, not a measure.
STOP_SUPINES = NOT_DONE_PASSIVE | wordset(
    """
    varit haft fått gett kommit blivit visat sett ökat minskat mottagit granskat remitterat
    väckt lämnat resulterat lett uppgett bedömt konstaterat svarat ställt föreslagit yttrat
    anfört framfört begärt uppmärksammat påpekat noterat informerat diskuterat redovisat
    skrivit sagt velat kunnat behövt måst fungerat förändrat förbättrat försämrat haft
    godkänts beslutat inkommit tagit gjort
    """
)
# Active supines that carry out a measure (the rest are narrative, outcome or procedure).
DONE_ACTIVE = wordset(
    """
    genomfört infört inrättat anställt rekryterat besökt organiserat tecknat upprättat
    utarbetat startat implementerat utvecklat byggt skapat installerat renoverat utrett
    reviderat uppdaterat tillsatt anordnat arrangerat utbildat etablerat öppnat lanserat
    anlagt åtgärdat utökat förstärkt ingått upphandlat beställt projekterat asfalterat
    kartlagt inventerat utvärderat bildat avsatt tillfört vidtagit slutfört färdigställt
    antagit fastställt byggt ersatt
    """
)
# Active supines whose object makes them a measure only with "fram", "in", "upp", "över".
PARTICLE_ACTIVE = {"tagit": "fram", "satt": "in", "följt": "upp", "sett": "över", "köpt": "in"}

QUESTION = guarded(
    r"\?\s*$|\bvill\s+veta\b|\bfråga\s+(?:av|från|till)\b|\bpå\s+[^.]{0,40}\bfråga\b|\bställs\s+frågan\b|\b(?:frågar|undrar)\b|\bfrågan\s+är\s+(?:om|hur|varför|vad|när|vem|vilk\w*)\b"
    r"|\bfrågeställ\w*\s+(?:vill|undrar|frågar)\b",
    _I,
)
OPINION = guarded(
    r"\bdet\s+är\s+(?:\w+\s+)?(?:viktigt|angeläget|värdefullt|nödvändigt|rimligt|önskvärt|"
    r"positivt|glädjande|bra|avgörande|centralt)\b|\bdelar\b[^.]{0,60}\b(?:synpunkt|uppfattning|"
    r"bedömning|åsikt|oro)\w*|\bär\s+(?:\w+\s+)?(?:positiv|negativ|tveksam|kritisk)\w*\s+till\b|\bmin\s+(?:\w+\s+)?uppfattning\b|\bvärdefullt\s+om\b|\bförhoppningsvis\b|\beventuellt\b",
    _I,
)
# What third parties said or wished: "De klagade över att de måste åka till stan".
REPORTED = guarded(
    r"\b(?:klagade|klagar|berättade|berättar|uppgav|uppger|menade|tyckte|önskade)\s+"
    r"(?:över\s+|på\s+)?att\b",
    _I,
)
# Opinion verbs whose att-clause is a view, not a pledge (only outside proposal documents).
VIEW = guarded(r"\b(?:anser|tycker|tror|menar|bedömer|instämmer|ser\s+positivt)\b", _I)
# Duties that a rule book lays down are routine, not pledges.
RULE = guarded(
    r"\b(?:enligt|av)\s+[^.]{0,80}?\b(?:reglemente\w*|lag(?:en)?|förordning\w*|föreskrift\w*|"
    r"ägardirektiv\w*|delegationsordning\w*|arbetsordning\w*|policy\w*)\b[^.]{0,40}?\b(?:framgår|ska|skall)\b"
    r"|\bframgår\s+(?:[\wåäö]+\s+){0,4}?att\b"
    r"|\bkrav\s+(?:ställs|på)\b|\bprognos\w*|\bvisa(?:de|r)\s+att\b",
    _I,
)
GOAL = guarded(
    r"\b(?:målet|målsättningen|syftet|tanken|visionen|ambitionen|utgångspunkten|inriktningen)"
    r"(?:\s+med\s+[^.]{0,60}?)?\s+(?:är|har\s+varit|var)\s+att\b"
    r"|^\s*(?:alla|varje|samtliga|inget|ingen)\s+(?:barn|elever?|unga|invånare|medborgare|"
    r"kommuninvånare|brukare|patienter|människor|personer|individer|anställda|medarbetare|"
    r"vårdnadshavare|föräldrar|hyresgäster|kunder|sökande|boende)\b",
    _I,
)
PROCEDURE = guarded(
    r"\bsom\s+svar\s+på\b|\banses\s+besvara\w*|\b(?:åter)?remi(?:ss|tter|tera)\w*|\bför\s+yttrande\b"
    r"|\bärendet\b[^.]{0,80}\b(?:behandla\w*|bered\w*|återremitt\w*)"
    r"|\bfackliga\s+organisation\w*|\bjuster(?!ad\b)\w*|\bnoteras\b"
    r"|\btill\s+handlingarna\b|\b(?:förordna\w*|entledig\w*|fyllnadsval)\b"
    r"|\bgodkänn\w*\s+[^.]{0,30}(?:rapport|redovisning|protokoll|bokslut)\w*|\byttra\s+sig\b|\bnotera\w*|\byrka\w*\s+(?:bifall|avslag)\b"
    r"|\bupprätta\w*\s+[^.]{0,20}(?:rapport|redovisning|bokslut)|\btagit\s+del\s+av\b|\bbeslut\w*\s+enligt\b"
    r"|\b(?:till|av)styrk\w*|\bställa\s+sig\s+(?:positiv|negativ|bakom)\b"
    r"|\b(?:avslå|bifalla|avslås|bifaller|avslår)\s+(?:motionen|medborgarförslaget|e-förslaget|förslaget)"
    r"|\bmöjlighet\s+att\s+behandla\b|\banmäls\b"
    r"|\böverlämna\w*\b[^.]{0,80}\b(?:tjänsteutlåtande|yttrande|skrivelse|svar)"
    r"|\bgodkänn\w*\b[^.]{0,60}\btjänste(?:utlåtande|skrivelse)\w*"
    # Reported figures approved: "Redovisade avsättningar om 6,4 mnkr godkänns."
    r"|\b(?:redovisade?|redovisningen|bokslutet|årsredovisningen|delårsrapporten|"
    r"tertialrapporten|verksamhetsberättelsen)\b[^.]{0,60}\bgodkänns\b"
    # Appointments are the body's own staffing: "… välja och anlita NN som revisionsdirektör".
    r"|\b(?:välj\w*|utse\w*|anlita\w*)\b[^.]{0,80}\bsom\s+(?:ny\s+|tillförordnad\s+)?"
    r"[\wåäö-]*(?:direktör|ordförande|ledamot|ersättare|revisor|chef|sekreterare|ombud)\b"
    r"|\b(?:kallelse\w*|föredragningslist\w*|dagordning\w*|sammanträdet|mötet)\b"
    r"|\bpå\s+dagordningen\b|\bta\s+ställning\s+till\b|\bbesvara\w*\b|\bprotokoll\w*\b"
    # Meeting dates fixed: the body's own calendar, not a measure.
    r"|\b(?:sammanträden|sammanträdesdagar|sammanträdestider|mötesdagar)\b[^.]{0,80}"
    r"\b(?:fastställs|godkänns|antecknas)\b",
    _I,
)
# An agenda item title closed by its diary number: "Hemställan från X om Y, Dnr 0747/21".
TITLE = guarded(r",?\s*\b(?:dnr|diarienummer|diarienr)\b[\s.:]*[\w/.-]+\s*$", _I)
# A fronted purpose or cause clause up to the finite verb that follows it (V2 order):
# "För att möta de ökade krav …, föreslår förvaltningen …". Exclusions read after it.
FRONTED = guarded(
    r"^\s*(?:för\s+att|i\s+syfte\s+att|eftersom|med\s+anledning\s+av)\b[^.]*?,\s*"
    r"(?=(?:föreslår|ska|skall|kommer|avser|planerar|bör|behöver|vill|beslutar|uppdrar|ger)\b)",
    _I,
)
# Cues inside these subordinate clauses belong to a purpose, a question or a condition.
SUBORDINATE = guarded(
    r"\b(?:för\s+att|så\s+att|hur|vilka|vilket|vilken|huruvida|innan|eftersom|i\s+syfte\s+att"
    r"|i\s+samband\s+med\s+att|efter\s+att|när(?!\s+det\s+gäller)|om\s+(?=(?:\w+\s+){1,3}(?:ska|skall|kommer))|där\s+det)\b",
    _I,
)
BOUNDARY = guarded(r"[,;:()]|\boch\b|\bsamt\b|\bmen\b", _I)
PROPOSAL_DOCS = genres.with_trait("proposes")
DEMAND = guarded(
    rf"\b(?:behöver|bör|måste)\s+(?:{W}\s+){{0,2}}?(?!(?:vara|finnas|ha|bli|få|kunna)\b)"
    rf"[a-zåäö]+(?:a|å|as)\b",
    _I,
)
PRETERITE_DONE = guarded(
    r"\b(?:[a-zåäö]{4,}(?:ades|des|tes)|togs|började\s+\w+|skrev\s+på|invigde|öppnade|"
    r"genomförde|startade|installerade|tecknade|anlade|byggde|fick\s+(?:en|ett)\s+ny\w*)\b",
    _I,
)
