# La scheda abstract del programma di peer support del DSM-DP di Bologna:
# le etichette sono quelle italiane della scheda.

abstract-title = Scheda abstract
abstract-section-authors = Autori
abstract-section-contact = Recapiti
abstract-section-contribution = Il contributo
abstract-summary-title = Titolo
abstract-summary-authors = Nome

abstract-authors = Nome
abstract-authors-help = Tutti gli autori, come devono comparire: cognome e iniziali, separati da virgole.
abstract-country = Paese
abstract-affiliation = Organizzazione (Università/Azienda/ONG)
abstract-address = Indirizzo
abstract-phone = Telefono
abstract-phone-help = Solo cifre; per un numero estero, con il + e il prefisso internazionale.
abstract-fax = Fax
abstract-email = E-mail
abstract-contribution-title = Titolo del contributo
abstract-objectives = Obiettivi
abstract-contents = Contenuto-testo (max. 400 parole)
abstract-contents-help = Premesse, Obiettivo, Metodi, Risultati e Conclusioni, ciascuno all'inizio di un paragrafo.
form-noun = Scheda
form-noun-gender = feminine
