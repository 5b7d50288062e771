"""Language detection (``mediacheck.cleaning.language``): real-looking paragraphs of each language with a stop
list, scripts without one, and "und" for text too short, junk, a language without a list or a mix of two.

The paragraphs were written for these tests (the same news item in every language, so the words differ only by
language); none is taken from a corpus.
"""
from __future__ import annotations

import pytest

from mediacheck.cleaning.language import LANGUAGES, detect_language, stopwords
from mediacheck.data import read_text

REQUIRED = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sv", "da", "no", "fi", "ru", "tr", "ro", "hu")

PARAGRAPHS = {
    "en": ("The city council voted on Tuesday to close two public libraries, despite protests from residents "
           "who had gathered outside the town hall. The mayor said the decision was painful but that the budget "
           "left no other choice. Opposition members argued that the savings were small and that the libraries "
           "were among the few places where children could study after school."),
    "de": ("Der Stadtrat hat am Dienstag beschlossen, zwei öffentliche Bibliotheken zu schließen, obwohl sich "
           "vor dem Rathaus zahlreiche Anwohner zum Protest versammelt hatten. Der Bürgermeister sagte, die "
           "Entscheidung sei schmerzhaft, aber der Haushalt lasse keine andere Wahl. Die Opposition hielt "
           "dagegen, dass die Einsparungen gering seien und die Bibliotheken zu den wenigen Orten gehörten, an "
           "denen Kinder nach der Schule lernen könnten."),
    "fr": ("Le conseil municipal a voté mardi la fermeture de deux bibliothèques publiques, malgré la colère "
           "des habitants rassemblés devant la mairie. Le maire a expliqué que cette décision était "
           "douloureuse, mais que le budget ne lui laissait pas d'autre choix. Pour l'opposition, les économies "
           "sont minimes et ces bibliothèques font partie des rares lieux où les enfants peuvent travailler "
           "après l'école."),
    "es": ("El ayuntamiento aprobó el martes el cierre de dos bibliotecas públicas, a pesar de las protestas de "
           "los vecinos que se habían concentrado frente a la sede municipal. El alcalde dijo que la decisión "
           "era dolorosa, pero que el presupuesto no dejaba otra opción. La oposición sostuvo que el ahorro es "
           "pequeño y que las bibliotecas son uno de los pocos lugares donde los niños pueden estudiar después "
           "de clase."),
    "it": ("Il consiglio comunale ha votato martedì la chiusura di due biblioteche pubbliche, nonostante le "
           "proteste dei residenti che si erano radunati davanti al municipio. Il sindaco ha detto che la "
           "decisione è stata dolorosa, ma che il bilancio non lasciava altra scelta. Secondo l'opposizione i "
           "risparmi sono minimi e le biblioteche sono tra i pochi luoghi in cui i bambini possono studiare "
           "dopo la scuola."),
    "pt": ("A câmara municipal aprovou na terça-feira o fechamento de duas bibliotecas públicas, apesar dos "
           "protestos dos moradores que se reuniram em frente à prefeitura. O prefeito disse que a decisão foi "
           "dolorosa, mas que o orçamento não deixava outra escolha. A oposição argumentou que a economia é "
           "pequena e que as bibliotecas estão entre os poucos lugares onde as crianças podem estudar depois da "
           "escola."),
    "nl": ("De gemeenteraad heeft dinsdag besloten twee openbare bibliotheken te sluiten, ondanks protesten van "
           "bewoners die zich voor het stadhuis hadden verzameld. De burgemeester zei dat het besluit pijnlijk "
           "was, maar dat de begroting geen andere keuze liet. Volgens de oppositie zijn de besparingen klein "
           "en zijn de bibliotheken een van de weinige plekken waar kinderen na school kunnen leren."),
    "pl": ("Rada miasta zagłosowała we wtorek za zamknięciem dwóch bibliotek publicznych, mimo protestów "
           "mieszkańców, którzy zebrali się przed ratuszem. Burmistrz powiedział, że decyzja była bolesna, ale "
           "budżet nie pozostawił innego wyboru. Opozycja twierdzi, że oszczędności są niewielkie, a biblioteki "
           "to jedno z niewielu miejsc, w których dzieci mogą uczyć się po szkole."),
    "cs": ("Zastupitelstvo města v úterý rozhodlo o uzavření dvou veřejných knihoven, a to i přes protesty "
           "obyvatel, kteří se shromáždili před radnicí. Starosta uvedl, že rozhodnutí bylo bolestné, ale "
           "rozpočet mu nedal jinou možnost. Podle opozice jsou úspory malé a knihovny patří k několika málo "
           "místům, kde se děti mohou po škole učit."),
    "sv": ("Kommunfullmäktige beslutade på tisdagen att stänga två offentliga bibliotek, trots protester från "
           "invånare som hade samlats utanför stadshuset. Kommunstyrelsens ordförande sade att beslutet var "
           "smärtsamt men att budgeten inte lämnade något annat val. Oppositionen menar att besparingarna är "
           "små och att biblioteken är en av de få platser där barn kan studera efter skolan."),
    "da": ("Byrådet besluttede tirsdag at lukke to offentlige biblioteker, selv om mange borgere havde samlet "
           "sig foran rådhuset for at protestere. Borgmesteren sagde, at beslutningen var smertefuld, men at "
           "budgettet ikke efterlod noget andet valg. Oppositionen mener, at besparelsen er lille, og at "
           "bibliotekerne er et af de få steder, hvor børn kan lave lektier efter skoletid. Hvad der nu skal "
           "ske med bygningerne, er endnu ikke afgjort."),
    "no": ("Bystyret vedtok tirsdag å legge ned to offentlige bibliotek, selv om mange innbyggere hadde samlet "
           "seg utenfor rådhuset for å protestere. Ordføreren sa at vedtaket var smertefullt, men at budsjettet "
           "ikke ga noe annet valg. Opposisjonen mener at innsparingen er liten, og at bibliotekene er et av de "
           "få stedene hvor barn kan gjøre lekser etter skoletid. Hva som nå skal skje med byggene, er ennå "
           "ikke avklart."),
    "fi": ("Kaupunginvaltuusto päätti tiistaina sulkea kaksi yleistä kirjastoa, vaikka kaupungintalon edessä "
           "oli mielenosoitus. Pormestarin mukaan päätös oli vaikea, mutta talousarvio ei jättänyt muuta "
           "vaihtoehtoa. Opposition mielestä säästöt ovat pieniä, ja kirjastot ovat niitä harvoja paikkoja, "
           "joissa lapset voivat tehdä läksyjä koulun jälkeen. Rakennusten tulevasta käytöstä ei ole vielä "
           "päätetty."),
    "ru": ("Городской совет во вторник проголосовал за закрытие двух публичных библиотек, несмотря на протесты "
           "жителей, которые собрались у здания мэрии. Мэр сказал, что это решение было болезненным, но бюджет "
           "не оставил другого выбора. По мнению оппозиции, экономия невелика, а библиотеки — одно из немногих "
           "мест, где дети могут заниматься после школы."),
    "tr": ("Belediye meclisi salı günü iki halk kütüphanesinin kapatılmasına karar verdi, ancak belediye "
           "binasının önünde toplanan sakinler kararı protesto etti. Belediye başkanı kararın zor olduğunu, "
           "fakat bütçenin başka bir seçenek bırakmadığını söyledi. Muhalefet ise tasarrufun çok küçük olduğunu "
           "ve kütüphanelerin çocukların okuldan sonra ders çalışabileceği az sayıdaki yerden biri olduğunu "
           "belirtti."),
    "ro": ("Consiliul local a votat marți închiderea a două biblioteci publice, în ciuda protestelor "
           "locuitorilor care s-au adunat în fața primăriei. Primarul a spus că decizia a fost dureroasă, dar "
           "că bugetul nu a lăsat o altă variantă. Opoziția susține că economiile sunt mici și că bibliotecile "
           "sunt printre puținele locuri în care copiii pot învăța după școală."),
    "hu": ("A városi közgyűlés kedden megszavazta két nyilvános könyvtár bezárását, pedig a városháza előtt sok "
           "lakos gyűlt össze tiltakozni. A polgármester szerint a döntés fájdalmas volt, de a költségvetés nem "
           "hagyott más választást. Az ellenzék szerint a megtakarítás csekély, és a könyvtárak azon kevés hely "
           "közé tartoznak, ahol a gyerekek iskola után tanulhatnak."),
}
SCRIPTS = {
    "zh": ("市政府周二宣布关闭两座公共图书馆，尽管许多居民在市政厅外抗议。市长表示，这个决定很痛苦，但"
           "预算没有留下其他选择。"),
    "ja": ("市議会は火曜日、二つの公立図書館を閉鎖することを決めた。市長は、つらい決断だが予算上ほかに"
           "選択肢はなかったと述べた。"),
    "ko": ("시의회는 화요일 두 곳의 공공 도서관을 폐쇄하기로 결정했다. 시장은 고통스러운 결정이지만 "
           "예산 때문에 다른 선택이 없었다고 말했다."),
    "ar": ("صوت المجلس البلدي يوم الثلاثاء على إغلاق مكتبتين عامتين رغم احتجاج السكان أمام مبنى "
           "البلدية. وقال رئيس البلدية إن القرار كان مؤلما."),
    "el": ("Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να κλείσει δύο δημόσιες βιβλιοθήκες, παρά τις "
           "διαμαρτυρίες των κατοίκων έξω από το δημαρχείο."),
    "he": ("מועצת העיר החליטה ביום שלישי לסגור שתי ספריות ציבוריות, למרות מחאת התושבים מול בניין "
           "העירייה. ראש העיר אמר שההחלטה הייתה כואבת."),
}


def _sentences(lang: str, k: int) -> str:
    return ". ".join(PARAGRAPHS[lang].split(". ")[:k]).rstrip(".") + "."


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_paragraph_is_detected(lang: str) -> None:
    assert detect_language(PARAGRAPHS[lang]) == lang


@pytest.mark.parametrize("lang", sorted(set(PARAGRAPHS) - {"tr"}))
def test_two_sentences_are_enough(lang: str) -> None:
    assert detect_language(_sentences(lang, 2)) == lang


@pytest.mark.parametrize("lang", sorted(SCRIPTS))
def test_script_without_stop_list_is_named_by_script(lang: str) -> None:
    assert detect_language(SCRIPTS[lang]) == lang
    assert lang not in LANGUAGES


@pytest.mark.parametrize(("a", "b"), [("da", "no"), ("no", "da"), ("es", "pt"), ("pt", "es"), ("cs", "pl"),
                                      ("sv", "da")])
def test_close_languages_are_told_apart(a: str, b: str) -> None:
    assert detect_language(PARAGRAPHS[a]) == a != b


@pytest.mark.parametrize("text", [
    "", "   ", "Hallo Welt", "Der Rat tagt heute.", "Home | News | Sport | Login",
    "Home News Sport Kultur Wetter Login Impressum Datenschutz Kontakt Newsletter Facebook Twitter Instagram",
    "12.05.2024 14:30 1.234,56 € 99 % 2:1 (1:0)", "https://example.com/a/b?c=1&d=2 #tag @handle",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore.",
], ids=lambda t: t[:24] or "empty")
def test_too_short_or_junk_is_und(text: str) -> None:
    assert detect_language(text) == "und"


def test_a_language_without_a_stop_list_is_und() -> None:
    indonesian = ("Dewan kota memutuskan pada hari Selasa untuk menutup dua perpustakaan umum, meskipun ada protes "
                  "dari warga yang berkumpul di depan balai kota. Wali kota mengatakan keputusan itu menyakitkan, "
                  "tetapi anggaran tidak memberikan pilihan lain.")
    assert detect_language(indonesian) == "und"


@pytest.mark.parametrize(("a", "b"), [("en", "de"), ("de", "en"), ("es", "pt"), ("da", "no"), ("pl", "cs"),
                                      ("fr", "it")])
def test_half_and_half_is_und(a: str, b: str) -> None:
    assert detect_language(_sentences(a, 2) + " " + _sentences(b, 2)) == "und"


def test_a_quote_in_another_language_does_not_change_the_verdict() -> None:
    text = PARAGRAPHS["de"] + ' Er zitierte den Satz "We will not give up on our libraries" aus einer Rede.'
    assert detect_language(text) == "de"


def test_menus_and_other_short_lines_do_not_outvote_the_article() -> None:
    menu = "\n".join(["Home", "News", "Sport", "Login", "Sign in", "Subscribe", "Share on Facebook", "The Daily Post",
                      "About us", "Contact", "Privacy", "Terms of use", "All the news of the day"] * 30)
    page = menu + "\n" + PARAGRAPHS["de"] + "\n" + _sentences("de", 2) + "\n" + menu
    assert len(page) > 4000
    assert detect_language(page) == "de"


def test_only_the_first_max_chars_are_read() -> None:
    text = PARAGRAPHS["fr"] + "\n" + PARAGRAPHS["en"]
    assert detect_language(text) == "und"                                 # a French and an English paragraph
    assert detect_language(text, max_chars=len(PARAGRAPHS["fr"])) == "fr"
    assert detect_language(PARAGRAPHS["en"] + "\n" + text, max_chars=len(PARAGRAPHS["en"])) == "en"
    assert detect_language(text, max_chars=0) == "und"


@pytest.mark.parametrize("value", [None, 42, b"Der Rat tagt", ["de"], float("nan")])
def test_never_raises(value) -> None:
    assert detect_language(value) == "und"  # type: ignore[arg-type]


def test_deterministic_and_cheap_on_a_20kb_page(monkeypatch) -> None:
    import mediacheck.cleaning.language as language

    page = "\n".join([PARAGRAPHS["pl"], "Strona główna", "Zaloguj się", PARAGRAPHS["en"][:200]] * 40)[:20000]
    assert len(page) == 20000
    first = detect_language(page)
    assert first == "pl"
    # work bound, not seconds: the tokeniser reads at most SAMPLE_CHARS of the page, not every word of it
    read: list[int] = []
    real = language._WORD

    class _Spy:
        def findall(self, s: str) -> list[str]:
            read.append(len(s))
            return real.findall(s)

    monkeypatch.setattr(language, "_WORD", _Spy())
    for _ in range(20):
        assert detect_language(page) == first
    assert len(read) == 20 and max(read) <= language.SAMPLE_CHARS < len(page) // 4


def test_languages_are_the_stop_lists() -> None:
    assert set(REQUIRED) <= set(LANGUAGES)
    assert list(LANGUAGES) == sorted(LANGUAGES)
    for lang in LANGUAGES:
        words = stopwords(lang)
        assert 60 <= len(words) <= 125, lang
        assert all(w == w.lower() and w.strip() == w and " " not in w for w in words), lang


def test_stopwords_lookup() -> None:
    assert {"und", "der", "nicht"} <= stopwords("de")
    assert {"og", "ikke", "av", "hva"} <= stopwords("no")
    assert {"af", "hvad"} <= stopwords("da") and not {"af", "hvad"} & stopwords("no")
    assert stopwords("de-AT") == stopwords("DE") == stopwords("de_CH") == stopwords("de")
    assert stopwords("nb") == stopwords("no")
    assert stopwords("und") == stopwords("xx") == stopwords("en")
    assert isinstance(stopwords("fr"), frozenset)


def test_stop_list_file_says_where_it_comes_from() -> None:
    text = read_text("stopwords.tsv")
    header = "\n".join(ln for ln in text.splitlines() if ln.startswith("#"))
    assert "written for mediacheck" in header.lower()
    assert "MIT" in header and "2026-11-30" in header and "own knowledge" in header
    rows = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    assert rows[0] == "lang\tword"
    assert all(len(r.split("\t")) == 2 for r in rows)
