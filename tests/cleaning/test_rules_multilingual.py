"""Boilerplate rules beyond English: the rows of ``mediacheck/data/boilerplate.tsv`` and the dateline patterns built
from ``mediacheck/data/date_words.tsv``, per language, on realistic lines (related / share / cookie / comments /
login / footer / ad / photo credit / skip link / menu / dateline), and ordinary body sentences of each language
that mention those words in passing, which no rule may name. Every line here was written for these tests.
"""
from __future__ import annotations

import re

import pytest

from mediacheck import data
from mediacheck.cleaning import rules
from mediacheck.cleaning.rules import RULE_CODES, match_line, normalise_line

LANGS = ("de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sv", "da", "no", "fi", "ru", "tr", "ro", "hu")
FAMILIES = ("BP_SKIP_LINK", "BP_MENU", "BP_RELATED", "BP_SHARE", "BP_COOKIE", "BP_FOOTER", "BP_AD",
            "BP_PHOTO_CREDIT", "BP_COMMENTS", "BP_LOGIN")

# lang -> (code, line) that must get exactly that code for a page in that language.
POSITIVE: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (
        ("BP_RELATED", "Das könnte dich auch interessieren"),
        ("BP_RELATED", "Ähnliche Artikel"),
        ("BP_SHARE", "Jetzt teilen!"),
        ("BP_SHARE", "HIER KOSTENLOS ANMELDEN »"),
        ("BP_RELATED", "Mehr zum Thema: Wahl in Hessen"),
        ("BP_RELATED", "Lesen Sie auch: Scholz verteidigt Haushalt"),
        ("BP_DATELINE", "Donnerstag, 31. Mai 2012"),
        ("BP_DATELINE", "31.05.2012, 14:30 Uhr"),
        ("BP_DATELINE", "Aktualisiert am 3. März 2024 um 10:15 Uhr"),
        ("BP_DATELINE", "Veröffentlicht: 12. Januar 2023"),
        ("BP_DATELINE", "vor 3 Stunden"),
        ("BP_DATELINE", "Vor einer Stunde"),
        ("BP_COOKIE", "Alle akzeptieren"),
        ("BP_COOKIE", "Einstellungen"),
        ("BP_COOKIE", "Zustimmen"),
        ("BP_COOKIE", ("Diese Website verwendet Cookies, um Ihnen ein besseres Nutzererlebnis zu bieten. "
         "Wenn Sie die Seite weiter nutzen, stimmen Sie der Verwendung zu.")),
        ("BP_COOKIE", ("Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren "
         "und Zugriffe zu analysieren.")),
        ("BP_COMMENTS", "Kommentare"),
        ("BP_COMMENTS", "Kommentar schreiben"),
        ("BP_COMMENTS", "12 Kommentare"),
        ("BP_LOGIN", "Anmelden"),
        ("BP_LOGIN", "Mein Konto"),
        ("BP_FOOTER", "Impressum"),
        ("BP_FOOTER", "Datenschutzerklärung"),
        ("BP_FOOTER", "AGB"),
        ("BP_FOOTER", "© 2024 Verlag GmbH. Alle Rechte vorbehalten."),
        ("BP_AD", "Anzeige"),
        ("BP_AD", "Werbung"),
        ("BP_PHOTO_CREDIT", "Foto: dpa"),
        ("BP_PHOTO_CREDIT", "Foto: dpa/Kay Nietfeld"),
        ("BP_SKIP_LINK", "Zum Inhalt springen"),
        ("BP_MENU", "Startseite"),
        ("BP_MENU", "Suche"),
        ("BP_MENU", "Menü"),
        ("BP_MENU", "Zurück"),
        ("BP_MENU", "Weiter"),
        ("BP_SHARE", "Folgen Sie uns auf Facebook und Instagram"),
        ("BP_FOOTER", "Impressum | Datenschutz | AGB | Kontakt"),
        ("BP_DATELINE", "Heute, 14:30 Uhr"),
        ("BP_DATELINE", "Stand: 31.05.2012 14:30 Uhr"),
        ("BP_DATELINE", "Do, 31.05.2012"),
        ("BP_RELATED", "Mehr aus dem Ressort Politik"),
        ("BP_SHARE", "Newsletter abonnieren"),
        ("BP_PHOTO_CREDIT", "Bild: Reuters"),
    ),
    "fr": (
        ("BP_RELATED", "Lire aussi : Macron défend sa réforme"),
        ("BP_RELATED", "À lire aussi"),
        ("BP_RELATED", "Sur le même sujet"),
        ("BP_SHARE", "Partager"),
        ("BP_COOKIE", "Tout accepter"),
        ("BP_DATELINE", "jeudi 31 mai 2012"),
        ("BP_DATELINE", "Publié le 3 mars 2024 à 10h15"),
        ("BP_DATELINE", "Mis à jour le 3 mars 2024 à 10h15"),
        ("BP_DATELINE", "il y a 3 heures"),
        ("BP_COMMENTS", "Commentaires"),
        ("BP_LOGIN", "Se connecter"),
        ("BP_FOOTER", "Mentions légales"),
        ("BP_FOOTER", "Tous droits réservés"),
        ("BP_AD", "Publicité"),
        ("BP_SKIP_LINK", "Aller au contenu"),
        ("BP_MENU", "Accueil"),
        ("BP_MENU", "Rechercher"),
        ("BP_COOKIE", "Ce site utilise des cookies pour améliorer votre expérience de navigation."),
        ("BP_COOKIE", "Nous utilisons des cookies pour vous garantir la meilleure expérience sur notre site web."),
        ("BP_SHARE", "Suivez-nous sur Facebook"),
        ("BP_COMMENTS", "12 commentaires"),
        ("BP_PHOTO_CREDIT", "Crédit photo : AFP"),
        ("BP_DATELINE", "Le 31 mai 2012"),
    ),
    "es": (
        ("BP_RELATED", "Mirá también"),
        ("BP_RELATED", "Lee también: El Gobierno aprueba el presupuesto"),
        ("BP_RELATED", "Te puede interesar"),
        ("BP_SHARE", "Compartir"),
        ("BP_COOKIE", "Aceptar"),
        ("BP_COOKIE", "Aceptar todas"),
        ("BP_DATELINE", "31 de mayo de 2012"),
        ("BP_DATELINE", "Actualizado: 3 de marzo de 2024"),
        ("BP_DATELINE", "hace 3 horas"),
        ("BP_COMMENTS", "Comentarios"),
        ("BP_COMMENTS", "Deja un comentario"),
        ("BP_LOGIN", "Iniciar sesión"),
        ("BP_FOOTER", "Aviso legal"),
        ("BP_FOOTER", "Política de privacidad"),
        ("BP_FOOTER", "Todos los derechos reservados"),
        ("BP_AD", "Publicidad"),
        ("BP_SKIP_LINK", "Ir al contenido"),
        ("BP_MENU", "Inicio"),
        ("BP_MENU", "Buscar"),
        ("BP_MENU", "Más"),
        ("BP_DATELINE", "jueves, 31 de mayo de 2012 - 14:30"),
        ("BP_COOKIE", "Este sitio web utiliza cookies para mejorar su experiencia."),
        ("BP_COOKIE", "Utilizamos cookies propias y de terceros para mejorar nuestros servicios."),
        ("BP_SHARE", "Síguenos en Twitter"),
        ("BP_PHOTO_CREDIT", "Foto: EFE"),
    ),
    "it": (
        ("BP_RELATED", "Leggi anche: Meloni incontra Biden"),
        ("BP_RELATED", "Leggi anche"),
        ("BP_SHARE", "Condividi"),
        ("BP_COOKIE", "Accetta"),
        ("BP_COOKIE", "Accetta tutti"),
        ("BP_DATELINE", "31 maggio 2012"),
        ("BP_DATELINE", "3 ore fa"),
        ("BP_COMMENTS", "Commenti"),
        ("BP_LOGIN", "Accedi"),
        ("BP_FOOTER", "Tutti i diritti riservati"),
        ("BP_AD", "Pubblicità"),
        ("BP_SKIP_LINK", "Vai al contenuto"),
        ("BP_MENU", "Cerca"),
        ("BP_DATELINE", "Pubblicato il 3 marzo 2024 alle 10:15"),
        ("BP_DATELINE", "giovedì 31 maggio 2012"),
        ("BP_COOKIE", "Questo sito utilizza cookie tecnici e di profilazione."),
        ("BP_PHOTO_CREDIT", "Foto: Ansa"),
        ("BP_FOOTER", "P.IVA 01234567890"),
    ),
    "pt": (
        ("BP_RELATED", "Leia também: Lula veta projeto"),
        ("BP_RELATED", "Leia também"),
        ("BP_SHARE", "Compartilhar"),
        ("BP_COOKIE", "Aceitar"),
        ("BP_DATELINE", "31 de maio de 2012"),
        ("BP_DATELINE", "há 3 horas"),
        ("BP_COMMENTS", "Comentários"),
        ("BP_LOGIN", "Entrar"),
        ("BP_FOOTER", "Política de Privacidade"),
        ("BP_FOOTER", "Todos os direitos reservados"),
        ("BP_AD", "Publicidade"),
        ("BP_SKIP_LINK", "Pular para o conteúdo"),
        ("BP_MENU", "Início"),
        ("BP_DATELINE", "Publicado em 3 de março de 2024 às 10h15"),
        ("BP_DATELINE", "quinta-feira, 31 de maio de 2012"),
        ("BP_COOKIE", "Este site utiliza cookies para melhorar a sua experiência."),
        ("BP_PHOTO_CREDIT", "Foto: Reprodução/Instagram"),
        ("BP_PHOTO_CREDIT", "Reprodução"),
    ),
    "nl": (
        ("BP_RELATED", "Lees ook: Kabinet valt"),
        ("BP_RELATED", "Lees ook"),
        ("BP_SHARE", "Delen"),
        ("BP_COOKIE", "Accepteren"),
        ("BP_DATELINE", "31 mei 2012"),
        ("BP_DATELINE", "3 uur geleden"),
        ("BP_COMMENTS", "Reacties"),
        ("BP_LOGIN", "Inloggen"),
        ("BP_FOOTER", "Alle rechten voorbehouden"),
        ("BP_AD", "Advertentie"),
        ("BP_SKIP_LINK", "Naar de inhoud"),
        ("BP_MENU", "Zoeken"),
        ("BP_DATELINE", "Gepubliceerd op 3 maart 2024 om 10:15"),
        ("BP_DATELINE", "donderdag 31 mei 2012"),
        ("BP_COOKIE", "Deze website maakt gebruik van cookies om uw ervaring te verbeteren."),
        ("BP_PHOTO_CREDIT", "Foto: ANP"),
    ),
    "pl": (
        ("BP_RELATED", "Zobacz także"),
        ("BP_RELATED", "Czytaj też: Sejm przyjął ustawę"),
        ("BP_RELATED", "Polecamy"),
        ("BP_SHARE", "Udostępnij"),
        ("BP_COOKIE", "Akceptuję"),
        ("BP_COOKIE", "Zgadzam się"),
        ("BP_DATELINE", "31 maja 2012"),
        ("BP_DATELINE", "Opublikowano: 3 marca 2024, 10:15"),
        ("BP_DATELINE", "3 godziny temu"),
        ("BP_COMMENTS", "Komentarze"),
        ("BP_COMMENTS", "Dodaj komentarz"),
        ("BP_LOGIN", "Zaloguj się"),
        ("BP_FOOTER", "Polityka prywatności"),
        ("BP_FOOTER", "Wszelkie prawa zastrzeżone"),
        ("BP_AD", "Reklama"),
        ("BP_SKIP_LINK", "Przejdź do treści"),
        ("BP_MENU", "Strona główna"),
        ("BP_MENU", "Szukaj"),
        ("BP_MENU", "Więcej"),
        ("BP_DATELINE", "czwartek, 31 maja 2012"),
        ("BP_DATELINE", "31.05.2012, godz. 14:30"),
        ("BP_DATELINE", "31 maja 2012 r."),
        ("BP_COOKIE", "Ta strona używa plików cookies, aby świadczyć usługi na najwyższym poziomie."),
        ("BP_COOKIE", "Serwis wykorzystuje pliki cookies zgodnie z Polityką Cookies."),
        ("BP_PHOTO_CREDIT", "Fot. PAP/Radek Pietruszka"),
        ("BP_PHOTO_CREDIT", "Zdjęcie: Reuters"),
        ("BP_DATELINE", "godzinę temu"),
        ("BP_RELATED", "Zobacz: Sejm przyjął ustawę"),
    ),
    "cs": (
        ("BP_RELATED", "Čtěte také: Vláda schválila rozpočet"),
        ("BP_SHARE", "Sdílet"),
        ("BP_COOKIE", "Přijmout vše"),
        ("BP_DATELINE", "31. května 2012"),
        ("BP_DATELINE", "před 3 hodinami"),
        ("BP_COMMENTS", "Komentáře"),
        ("BP_LOGIN", "Přihlásit se"),
        ("BP_FOOTER", "Všechna práva vyhrazena"),
        ("BP_AD", "Reklama"),
        ("BP_SKIP_LINK", "Přejít na obsah"),
        ("BP_MENU", "Hledat"),
        ("BP_DATELINE", "Publikováno: 3. března 2024 10:15"),
        ("BP_DATELINE", "čtvrtek 31. května 2012"),
        ("BP_COOKIE", "Tento web používá soubory cookie."),
        ("BP_PHOTO_CREDIT", "Foto: ČTK"),
    ),
    "sv": (
        ("BP_RELATED", "Läs också: Regeringen faller"),
        ("BP_SHARE", "Dela"),
        ("BP_COOKIE", "Godkänn alla"),
        ("BP_DATELINE", "31 maj 2012"),
        ("BP_DATELINE", "för 3 timmar sedan"),
        ("BP_COMMENTS", "Kommentarer"),
        ("BP_LOGIN", "Logga in"),
        ("BP_FOOTER", "Alla rättigheter förbehållna"),
        ("BP_AD", "Annons"),
        ("BP_SKIP_LINK", "Hoppa till innehållet"),
        ("BP_MENU", "Sök"),
        ("BP_DATELINE", "Publicerad 3 mars 2024 kl. 10.15"),
        ("BP_DATELINE", "torsdag 31 maj 2012"),
        ("BP_COOKIE", "Vi använder cookies för att ge dig en bättre upplevelse."),
        ("BP_PHOTO_CREDIT", "Foto: TT"),
        ("BP_FOOTER", "Ansvarig utgivare: Anna Andersson"),
    ),
    "da": (
        ("BP_RELATED", "Læs også: Regeringen går af"),
        ("BP_SHARE", "Del"),
        ("BP_COOKIE", "Accepter alle"),
        ("BP_DATELINE", "31. maj 2012"),
        ("BP_DATELINE", "for 3 timer siden"),
        ("BP_COMMENTS", "Kommentarer"),
        ("BP_LOGIN", "Log ind"),
        ("BP_FOOTER", "Alle rettigheder forbeholdes"),
        ("BP_AD", "Annonce"),
        ("BP_SKIP_LINK", "Gå til indhold"),
        ("BP_MENU", "Søg"),
        ("BP_DATELINE", "Publiceret 3. marts 2024 kl. 10.15"),
        ("BP_DATELINE", "torsdag den 31. maj 2012"),
        ("BP_COOKIE", "Vi bruger cookies for at forbedre din oplevelse."),
        ("BP_PHOTO_CREDIT", "Foto: Ritzau Scanpix"),
    ),
    "no": (
        ("BP_RELATED", "Les også: Regjeringen går av"),
        ("BP_SHARE", "Del"),
        ("BP_COOKIE", "Godta alle"),
        ("BP_DATELINE", "31. mai 2012"),
        ("BP_DATELINE", "for 3 timer siden"),
        ("BP_COMMENTS", "Kommentarer"),
        ("BP_LOGIN", "Logg inn"),
        ("BP_FOOTER", "Alle rettigheter reservert"),
        ("BP_AD", "Annonse"),
        ("BP_SKIP_LINK", "Gå til innhold"),
        ("BP_MENU", "Søk"),
        ("BP_DATELINE", "Publisert 3. mars 2024 kl. 10.15"),
        ("BP_DATELINE", "torsdag 31. mai 2012"),
        ("BP_COOKIE", "Vi bruker informasjonskapsler for å gi deg en bedre opplevelse."),
        ("BP_PHOTO_CREDIT", "Foto: NTB"),
        ("BP_FOOTER", "Ansvarlig redaktør: Kari Nordmann"),
    ),
    "fi": (
        ("BP_RELATED", "Lue myös: Hallitus kaatui"),
        ("BP_SHARE", "Jaa"),
        ("BP_COOKIE", "Hyväksy kaikki"),
        ("BP_DATELINE", "31. toukokuuta 2012"),
        ("BP_DATELINE", "3 tuntia sitten"),
        ("BP_COMMENTS", "Kommentit"),
        ("BP_LOGIN", "Kirjaudu sisään"),
        ("BP_FOOTER", "Kaikki oikeudet pidätetään"),
        ("BP_AD", "Mainos"),
        ("BP_SKIP_LINK", "Siirry sisältöön"),
        ("BP_MENU", "Haku"),
        ("BP_DATELINE", "Julkaistu 3.3.2024 10:15"),
        ("BP_DATELINE", "torstai 31.5.2012"),
        ("BP_COOKIE", "Käytämme evästeitä parantaaksemme käyttökokemustasi."),
        ("BP_PHOTO_CREDIT", "Kuva: Lehtikuva"),
        ("BP_DATELINE", "klo 10.15"),
    ),
    "ru": (
        ("BP_RELATED", "Читайте также: Правительство ушло в отставку"),
        ("BP_SHARE", "Поделиться"),
        ("BP_COOKIE", "Принять"),
        ("BP_DATELINE", "31 мая 2012"),
        ("BP_DATELINE", "3 часа назад"),
        ("BP_COMMENTS", "Комментарии"),
        ("BP_LOGIN", "Войти"),
        ("BP_FOOTER", "Все права защищены"),
        ("BP_AD", "Реклама"),
        ("BP_SKIP_LINK", "Перейти к содержанию"),
        ("BP_MENU", "Поиск"),
        ("BP_DATELINE", "Опубликовано: 3 марта 2024, 10:15"),
        ("BP_DATELINE", "четверг, 31 мая 2012 г."),
        ("BP_DATELINE", "31 мая 2012 года"),
        ("BP_COOKIE", "Этот сайт использует файлы cookie для улучшения работы."),
        ("BP_COOKIE", "Мы используем cookies для улучшения работы сайта."),
        ("BP_PHOTO_CREDIT", "Фото: РИА Новости"),
        ("BP_FOOTER", "18+"),
    ),
    "tr": (
        ("BP_RELATED", "İlgili Haberler"),
        ("BP_RELATED", "İLGİLİ HABERLER"),
        ("BP_RELATED", "ilgili haberler"),
        ("BP_SHARE", "Paylaş"),
        ("BP_SHARE", "PAYLAŞ"),
        ("BP_COOKIE", "Kabul Et"),
        ("BP_DATELINE", "31 Mayıs 2012"),
        ("BP_DATELINE", "31 MAYIS 2012"),
        ("BP_DATELINE", "3 saat önce"),
        ("BP_COMMENTS", "Yorumlar"),
        ("BP_COMMENTS", "YORUMLAR"),
        ("BP_LOGIN", "Giriş Yap"),
        ("BP_LOGIN", "GİRİŞ YAP"),
        ("BP_FOOTER", "Tüm hakları saklıdır"),
        ("BP_AD", "Reklam"),
        ("BP_SKIP_LINK", "İçeriğe geç"),
        ("BP_MENU", "Ara"),
        ("BP_DATELINE", "Yayınlanma: 3 Mart 2024 10:15"),
        ("BP_DATELINE", "31 Mayıs 2012 Perşembe"),
        ("BP_COOKIE", "Bu web sitesi çerezleri kullanmaktadır."),
        ("BP_COOKIE", "Sitemizde çerezler kullanılmaktadır."),
        ("BP_PHOTO_CREDIT", "Fotoğraf: AA"),
    ),
    "ro": (
        ("BP_RELATED", "Citește și: Guvernul a căzut"),
        ("BP_RELATED", "Citește și"),
        ("BP_RELATED", "Citeşte şi"),
        ("BP_SHARE", "Distribuie"),
        ("BP_COOKIE", "Accept toate"),
        ("BP_DATELINE", "31 mai 2012"),
        ("BP_DATELINE", "acum 3 ore"),
        ("BP_COMMENTS", "Comentarii"),
        ("BP_LOGIN", "Autentificare"),
        ("BP_FOOTER", "Toate drepturile rezervate"),
        ("BP_AD", "Publicitate"),
        ("BP_SKIP_LINK", "Sari la conținut"),
        ("BP_MENU", "Caută"),
        ("BP_DATELINE", "Publicat: 3 martie 2024, 10:15"),
        ("BP_DATELINE", "joi, 31 mai 2012"),
        ("BP_COOKIE", "Acest site folosește cookie-uri pentru a vă oferi o experiență mai bună."),
        ("BP_PHOTO_CREDIT", "Foto: Inquam Photos"),
        ("BP_PHOTO_CREDIT", "Sursa foto: Agerpres"),
    ),
    "hu": (
        ("BP_RELATED", "Kapcsolódó cikkek"),
        ("BP_RELATED", "Ezt is ajánljuk"),
        ("BP_SHARE", "Megosztás"),
        ("BP_COOKIE", "Elfogadom"),
        ("BP_DATELINE", "2012. május 31."),
        ("BP_DATELINE", "3 órája"),
        ("BP_COMMENTS", "Hozzászólások"),
        ("BP_LOGIN", "Bejelentkezés"),
        ("BP_FOOTER", "Minden jog fenntartva"),
        ("BP_AD", "Hirdetés"),
        ("BP_SKIP_LINK", "Ugrás a tartalomra"),
        ("BP_MENU", "Keresés"),
        ("BP_DATELINE", "Publikálva: 2024. március 3. 10:15"),
        ("BP_DATELINE", "2012. május 31., csütörtök"),
        ("BP_COOKIE", "Ez a weboldal sütiket használ a jobb felhasználói élmény érdekében."),
        ("BP_PHOTO_CREDIT", "Fotó: MTI/Koszticsák Szilárd"),
    ),
}


# lang -> body lines (sentences, headlines, long paragraphs) that mention a boilerplate word: no rule may name them.
NEGATIVE: dict[str, tuple[str, ...]] = {
    "de": (
        "Die Regierung will Cookies auf Webseiten strenger regulieren, sagte die Ministerin am Donnerstag.",
        "Am 31. Mai 2012 traf sich der Rat in Berlin und beschloss, die Steuern zu senken.",
        "Am 31. Mai 2012 traf sich der Rat in Berlin und beschloss",
        "Vor 3 Stunden hat die Polizei den Verdächtigen in seiner Wohnung festgenommen.",
        "Mehr als 300 Menschen wurden bei dem Anschlag verletzt.",
        "Die Kommentare der Leser waren überwiegend positiv, berichtete die Zeitung.",
        "Teilen Sie die Sorge der Opposition?",
        "Foto-Ausstellung in Berlin eröffnet",
        "Start der Bundesliga verschoben",
        "Anzeige gegen den Bürgermeister erstattet",
        "Wir verwenden jeden Tag mehr Energie, sagte der Minister.",
        ("Der Datenschutzbeauftragte kritisierte, dass viele Verlage Cookies setzen, ohne die Leser ausreichend zu "
         "informieren, und kündigte für das kommende Jahr strengere Kontrollen an."),
        ("Der Verlag teilte mit, alle Rechte an dem Buch seien vorbehalten worden, bis das Gericht im Streit um die "
         "Übersetzung entschieden habe."),
    ),
    "fr": (
        "Le gouvernement veut encadrer l'usage des cookies sur les sites de presse, a déclaré la ministre jeudi.",
        "Le 31 mai 2012, le conseil s'est réuni à Paris pour voter la loi.",
        "Plus de 300 personnes ont été blessées dans l'attaque",
        "Partager les richesses reste la priorité du syndicat, a-t-il dit.",
        "Commentaires et critiques se sont multipliés après le discours du président.",
        "Publicité mensongère : l'entreprise condamnée à une amende",
        ("Selon la Cnil, de nombreux sites de presse déposent des cookies publicitaires sans recueillir le "
         "consentement des lecteurs, ce qui pourrait leur valoir de lourdes amendes."),
    ),
    "es": (
        "Más de 300 personas resultaron heridas",
        "El Gobierno quiere regular el uso de cookies en los sitios web, dijo la ministra.",
        "Compartir la riqueza es la prioridad del sindicato, dijo el líder.",
        "El 31 de mayo de 2012 el consejo se reunió en Madrid para aprobar la ley.",
        "Inicio de curso: los colegios abren sus puertas",
        ("La agencia de protección de datos multó a varios medios digitales porque utilizaban cookies publicitarias "
         "sin el consentimiento de sus lectores, según informó el organismo."),
    ),
    "it": (
        "Più di 300 persone sono rimaste ferite",
        "Il governo vuole regolare i cookie sui siti web, ha detto la ministra giovedì.",
        "Il 31 maggio 2012 il consiglio si è riunito a Roma per approvare la legge.",
        "Condividi la responsabilità, ha chiesto il sindaco ai cittadini.",
        "Flat tax per chi ha la partita Iva",
    ),
    "pt": (
        "Mais de 300 pessoas ficaram feridas",
        "O governo quer regular o uso de cookies nos sites, disse a ministra na quinta-feira.",
        "Em 31 de maio de 2012, o conselho reuniu-se em Lisboa para aprovar a lei.",
        "Siga o dinheiro: como o esquema funcionava",
    ),
    "nl": (
        "Meer dan 300 mensen raakten gewond",
        "De regering wil het gebruik van cookies op websites strenger regelen, zei de minister donderdag.",
        "Op 31 mei 2012 kwam de raad in Den Haag bijeen om de wet goed te keuren.",
        "Delen van de stad zaten urenlang zonder stroom.",
    ),
    "pl": (
        "Rząd chce uregulować pliki cookies na stronach internetowych, powiedziała minister w czwartek.",
        "Więcej niż 300 osób zostało rannych",
        "31 maja 2012 roku rada zebrała się w Warszawie, aby przyjąć ustawę.",
        "Zobacz, jak zmieniło się miasto",
        ("Urząd Ochrony Danych Osobowych ukarał kilka portali, które używały plików cookies bez zgody "
         "czytelników, a kary sięgnęły kilkuset tysięcy złotych."),
    ),
    "cs": (
        "Vláda chce přísněji regulovat cookies na webových stránkách, uvedla ministryně ve čtvrtek.",
        "Více než 300 lidí bylo zraněno",
        "31. května 2012 se rada sešla v Praze a schválila zákon.",
    ),
    "sv": (
        "Regeringen vill reglera cookies på webbplatser hårdare, sade ministern på torsdagen.",
        "Mer än 300 personer skadades",
        "Vi använder mer energi än någonsin, sade ministern.",
        "Den 31 maj 2012 samlades rådet i Stockholm för att anta lagen.",
    ),
    "da": (
        "Regeringen vil regulere cookies på hjemmesider strengere, sagde ministeren torsdag.",
        "Del af byen var uden strøm i flere timer.",
        "Mere end 300 mennesker blev såret",
    ),
    "no": (
        "Regjeringen vil regulere informasjonskapsler strengere, sa statsråden torsdag.",
        "Mer enn 300 mennesker ble skadet",
        "Del av byen var uten strøm i flere timer.",
    ),
    "fi": (
        "Hallitus haluaa säännellä evästeitä verkkosivuilla tiukemmin, sanoi ministeri torstaina.",
        "Yli 300 ihmistä loukkaantui iskussa",
        "Jaa, sanoi ministeri ja nauroi.",
    ),
    "ru": (
        "Правительство хочет строже регулировать файлы cookie на сайтах, заявила министр в четверг.",
        "Более 300 человек получили ранения",
        "31 мая 2012 года совет собрался в Москве, чтобы принять закон.",
        "Мы используем все возможности, чтобы помочь пострадавшим, сказал мэр.",
    ),
    "tr": (
        "Hükümet web sitelerindeki çerezleri daha sıkı düzenlemek istiyor, dedi bakan perşembe günü.",
        "300'den fazla kişi yaralandı",
        "Bu sitede yayınlanan haberler çok okundu",
    ),
    "ro": (
        "Guvernul vrea să reglementeze mai strict cookie-urile de pe site-uri, a declarat ministrul joi.",
        "Peste 300 de persoane au fost rănite",
        "Acum 3 ore, nimeni nu știa de el, a spus primarul.",
    ),
    "hu": (
        "A kormány szigorúbban akarja szabályozni a sütiket a weboldalakon, mondta a miniszter csütörtökön.",
        "Több mint 300 ember megsérült",
        "2012. május 31-én a tanács Budapesten ülésezett és elfogadta a törvényt.",
    ),
}

# English body sentences: the rows of another language never make them boilerplate.
ENGLISH_BODY = (
    "Share prices fell 3% on Monday after the report.",
    "Home sales rose in October, the data showed.",
    "Comments from the governor drew criticism from both parties.",
    "More than 300 people were killed in the attacks, officials said.",
    "The rally was held on November 18, 2019 at the state capitol.",
    "Start times for the marathon were moved to 6 a.m. because of the heat.",
)

POSITIVE_CASES = [pytest.param(lang, line, code, id=f"{lang}:{code}:{line[:30]}")
                  for lang, cases in POSITIVE.items() for code, line in cases]
NEGATIVE_CASES = [pytest.param(lang, line, id=f"{lang}:{line[:40]}") for lang, ls in NEGATIVE.items() for line in ls]


@pytest.mark.parametrize(("lang", "line", "code"), POSITIVE_CASES)
def test_rule_names_line_of_its_language(lang: str, line: str, code: str) -> None:
    assert match_line(line, lang) == code


@pytest.mark.parametrize(("lang", "line", "code"), POSITIVE_CASES)
def test_every_language_at_once_names_it_too(lang: str, line: str, code: str) -> None:
    assert match_line(line, "und") == code


@pytest.mark.parametrize(("lang", "line"), NEGATIVE_CASES)
def test_body_line_matches_no_rule(lang: str, line: str) -> None:
    assert match_line(line, lang) is None
    assert match_line(line, "und") is None


@pytest.mark.parametrize("lang", LANGS)
def test_english_body_sentences_stay_body_in_every_language(lang: str) -> None:
    assert [match_line(s, lang) for s in ENGLISH_BODY] == [None] * len(ENGLISH_BODY)


@pytest.mark.parametrize("lang", LANGS)
def test_english_rules_apply_to_every_language(lang: str) -> None:
    lines = ("Skip to content", "Read more: Trump and Putin agree to meet", "Share on Facebook", "Cookie Policy",
             "© 2019 Associated Press. All Rights Reserved.", "Advertisement", "Photo: Damian Dovarganes, AP",
             "604 COMMENTS", "Sign In / Sign Up", "By Jane Doe, Reuters", "November 18, 2019 11:03 PM")
    assert [match_line(s, lang) for s in lines] == [match_line(s) for s in lines]
    assert None not in [match_line(s) for s in lines]


def test_other_languages_rows_are_not_used_for_english() -> None:
    for line, lang, code in (("Ähnliche Artikel", "de", "BP_RELATED"), ("Zobacz także", "pl", "BP_RELATED"),
                             ("Tout accepter", "fr", "BP_COOKIE"), ("vor 3 Stunden", "de", "BP_DATELINE"),
                             ("Teilen", "de", "BP_SHARE")):
        assert match_line(line) is None
        assert match_line(line, "en") is None
        assert match_line(line, lang) == code                  # the per-line cache is keyed by language too


@pytest.mark.parametrize("lang", ["de", "DE", "de-DE", "de_AT", " de "])
def test_language_tag_forms(lang: str) -> None:
    assert match_line("Ähnliche Artikel", lang) == "BP_RELATED"
    assert match_line("Zobacz także", lang) is None           # Polish rows are not German rows


@pytest.mark.parametrize("lang", ["und", "zz", "zh", "", "x-klingon"])
def test_undetermined_or_unknown_language_uses_every_language(lang: str) -> None:
    assert match_line("Zobacz także", lang) == "BP_RELATED"
    assert match_line("Ähnliche Artikel", lang) == "BP_RELATED"
    assert match_line("3 godziny temu", lang) == "BP_DATELINE"


def test_norwegian_bokmal_tags() -> None:
    assert match_line("Logg inn", "nb") == match_line("Logg inn", "no") == "BP_LOGIN"
    assert match_line("Logg inn", "da") is None


def test_turkish_capitals_and_romanian_cedillas() -> None:
    for line in ("İlgili Haberler", "İLGİLİ HABERLER", "ilgili haberler"):
        assert match_line(line, "tr") == "BP_RELATED", line
    for line in ("GİRİŞ YAP", "Giriş Yap", "31 MAYIS 2012", "31 Mayıs 2012"):
        assert match_line(line, "tr") is not None, line
    assert match_line("Citeşte şi", "ro") == match_line("Citește și", "ro") == "BP_RELATED"


def test_dateline_sentence_guard() -> None:
    """A date line is kept in the `dateline` field, so a sentence starting with a date must never be one."""
    assert match_line("Donnerstag, 31. Mai 2012", "de") == "BP_DATELINE"
    assert match_line("Donnerstag, 31. Mai 2012, traf sich der Rat in Berlin und beschloss neue Regeln.", "de") is None
    assert match_line("Publié le 3 mars 2024 à 10h15", "fr") == "BP_DATELINE"
    assert match_line("Publié le 3 mars 2024 à 10h15, le texte a été modifié deux fois depuis.", "fr") is None


def test_prefix_rows_need_a_separator() -> None:
    assert match_line("Foto: dpa/Kay Nietfeld", "de") == "BP_PHOTO_CREDIT"
    assert match_line("Foto - dpa", "de") == "BP_PHOTO_CREDIT"
    assert match_line("Foto-Ausstellung in Berlin", "de") is None
    assert match_line("Fotos aus dem Urlaub", "de") is None
    assert match_line("Lesen Sie auch", "de") == "BP_RELATED"          # the bare heading is an exact row


def test_long_banner_and_long_prose() -> None:
    banner = ("Ta strona używa plików cookies, aby świadczyć usługi na najwyższym poziomie. Dalsze korzystanie ze "
              "strony oznacza, że zgadzasz się na ich użycie.")
    assert len(banner) > rules.MAX_RULE_CHARS
    assert match_line(banner, "pl") == "BP_COOKIE"
    prose = ("Według prezesa urzędu ta strona używa plików cookies niezgodnie z prawem, dlatego wszczęto "
             "postępowanie wobec jej wydawcy i zapowiedziano kontrolę.")
    assert match_line(prose, "pl") is None


def test_normalise_line_non_latin() -> None:
    assert normalise_line("  Читайте ТАКЖЕ: ") == "читайте также"
    assert normalise_line("İLGİLİ HABERLER »") == "i\u0307lgi\u0307li\u0307 haberler"
    assert normalise_line(" اقرأ أيضا | ") == "اقرأ أيضا"
    assert normalise_line("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ:") == "διαβαστε επισησ"


# --- the data files ---------------------------------------------------------------------------------------------

def _rows(name: str) -> list[list[str]]:
    return [ln.split("\t") for ln in data.read_text(name).splitlines() if ln and not ln.startswith("#")][1:]


@pytest.mark.parametrize("name", ["boilerplate.tsv", "date_words.tsv"])
def test_data_file_says_where_it_comes_from(name: str) -> None:
    header = "\n".join(ln for ln in data.read_text(name).splitlines() if ln.startswith("#"))
    assert "written for mediacheck" in header.lower()
    assert "MIT" in header and "2026-11-30" in header and "own knowledge" in header


def test_rows_use_existing_line_rule_codes() -> None:
    rows = _rows("boilerplate.tsv")
    assert rows and all(len(r) == 4 for r in rows)
    codes = {r[0] for r in rows}
    assert codes <= set(RULE_CODES)
    assert codes == set(FAMILIES)         # datelines come from date_words.tsv, bylines from the byline rule
    assert {r[2] for r in rows} == {"exact", "prefix", "regex"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_every_family(lang: str) -> None:
    rows = [r for r in _rows("boilerplate.tsv") if r[1] == lang]
    assert {r[0] for r in rows} >= set(FAMILIES), sorted(set(FAMILIES) - {r[0] for r in rows})
    assert any(r[0] == "BP_COOKIE" and r[2] == "regex" for r in rows)         # a long banner opening
    kinds = {r[1] for r in _rows("date_words.tsv") if r[0] == lang}
    assert {"month", "weekday", "ago", "unit"} <= kinds


def test_english_rows_are_the_exact_phrases_of_the_rule_table() -> None:
    en = [r for r in _rows("boilerplate.tsv") if r[1] == "en"]
    assert len(en) > 300 and {r[2] for r in en} == {"exact"}
    assert all(rules._PHRASE_RULE[normalise_line(r[3])] == r[0] for r in en)


def test_regex_rows_are_written_casefolded_and_compile() -> None:
    for _code, lang, kind, phrase in _rows("boilerplate.tsv"):
        if kind == "regex":
            bare = re.sub(r"\\.", "", phrase)             # escapes such as \S, \W are not letters to fold
            assert bare == bare.casefold(), (lang, phrase)
            re.compile(phrase)


# --- a broken table fails loudly, a changed one moves the fingerprint ---------------------------------------------

def _clear() -> None:
    for f in (rules._rows, rules._date_rows, rules._row_languages, rules._build, rules._date_words,
              rules._dateline_pattern, rules._match_short):
        f.cache_clear()
    rules._TABLES.clear()


@pytest.fixture
def table(monkeypatch):
    """Replace boilerplate.tsv by the real rows plus the given extra rows; restores the real table afterwards."""
    real = data.read_text

    def use(*extra: str) -> None:
        text = real("boilerplate.tsv") + "".join(e + "\n" for e in extra)
        monkeypatch.setattr(data, "read_text", lambda name: text if name == "boilerplate.tsv" else real(name))
        _clear()

    yield use
    monkeypatch.undo()
    _clear()


def test_a_phrase_under_two_codes_in_one_language_is_refused(table) -> None:
    table("BP_AD\tde\texact\tähnliche artikel")               # already a BP_RELATED row of de
    with pytest.raises(ValueError, match="language de.*both BP_RELATED and BP_AD|language de.*both BP_AD and"):
        match_line("Ähnliche Artikel", "de")


def test_a_row_with_an_unknown_code_is_refused(table) -> None:
    table("BP_NEWS\tde\texact\tnachrichten")
    with pytest.raises(ValueError, match=r"boilerplate.tsv line \d+: 'BP_NEWS' is not a line-rule code"):
        match_line("Nachrichten", "de")


def test_a_broken_regex_row_is_named(table) -> None:
    table("BP_AD\tde\tregex\t(anzeige")
    with pytest.raises(ValueError, match="bad regex row BP_AD de"):
        match_line("Anzeige: neu", "de")


def test_fingerprint_moves_with_a_table_row(table) -> None:
    before = rules.rules_fingerprint()
    table("BP_RELATED\tde\texact\tauch spannend")
    assert match_line("Auch spannend", "de") == "BP_RELATED"
    assert rules.rules_fingerprint() != before
