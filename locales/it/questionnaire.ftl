### Il questionario incluso: indagine nazionale sul supporto tra pari e la
### co-produzione nei Dipartimenti di Salute Mentale (italiano).

form-title = Supporto tra pari e co-produzione nei Dipartimenti di Salute Mentale
form-purpose = L'indagine vuole conoscere la diffusione, l'organizzazione e l'impatto percepito del supporto tra pari e delle pratiche di co-produzione nei Dipartimenti di Salute Mentale italiani: i risultati aiuteranno a capire che cosa ne favorisce l'inserimento nei servizi e che cosa lo ostacola.

## Sezioni (titoli brevi: compaiono accanto alla domanda)

section-dept = Il Dipartimento
section-impl = (a) Supporto tra pari
section-roles = (b) Ruoli e attività
section-training = (c) Formazione e compenso
section-benefits = (d) Benefici percepiti
section-barriers = (e) Difficoltà e ostacoli
section-coprod = (f) Co-produzione
section-recovery = (g) Recovery

## Intestazioni delle colonne negli elenchi

summary-dept_name = Dipartimento
summary-dept_region = Regione

## Opzioni comuni

opt-yes = Sì
opt-no = No
opt-dk = Non so
opt-other = Altro
q-other-specify = Altro (specificare)

## Il Dipartimento

q-dept_region = In quale regione (o provincia autonoma) si trova il suo DSM?
help-dept_region = Digiti parte del nome per restringere l'elenco.
region-abruzzo = Abruzzo
region-basilicata = Basilicata
region-calabria = Calabria
region-campania = Campania
region-emilia_romagna = Emilia-Romagna
region-friuli_venezia_giulia = Friuli Venezia Giulia
region-lazio = Lazio
region-liguria = Liguria
region-lombardia = Lombardia
region-marche = Marche
region-molise = Molise
region-piemonte = Piemonte
region-bolzano = Provincia autonoma di Bolzano
region-trento = Provincia autonoma di Trento
region-bolzano-short = P.A. Bolzano
region-trento-short = P.A. Trento
region-puglia = Puglia
region-sardegna = Sardegna
region-sicilia = Sicilia
region-toscana = Toscana
region-umbria = Umbria
region-valle_d_aosta = Valle d'Aosta
region-veneto = Veneto

q-dept_name = Denominazione del Dipartimento di Salute Mentale e dell'Azienda Sanitaria di appartenenza
help-dept_name = Ad esempio: DSM-DP, AUSL di Bologna.

derived-macro_area = Macroarea
macro-north_west = Nord-Ovest
macro-north_east = Nord-Est
macro-centre = Centro
macro-south = Sud
macro-islands = Isole

## (a) Attuazione del supporto tra pari

q-ps_active = Il suo DSM ha attivato iniziative di supporto tra pari?
q-ps_years = Da quanto tempo sono attive queste iniziative?
opt-ps_years-under_1 = Da meno di un anno
opt-ps_years-y1_3 = Da 1 a 3 anni
opt-ps_years-y4_6 = Da 4 a 6 anni
opt-ps_years-over_6 = Da più di 6 anni
q-ps_count = Quanti esperti in supporto tra pari (ESP) operano nel suo DSM?
help-ps_count = Consideri tutti gli ESP attualmente attivi, retribuiti o volontari.
opt-ps_count-none = Nessuno
opt-ps_count-n1_3 = 1–3
opt-ps_count-n4_6 = 4–6
opt-ps_count-over_6 = Più di 6
q-ps_services = In quali servizi del DSM operano gli ESP?
opt-ps_services-cmhc = Centri di Salute Mentale (CSM)
opt-ps_services-day_centre = Centri Diurni
opt-ps_services-residential = Strutture residenziali
opt-ps_services-inpatient = Servizi Psichiatrici di Diagnosi e Cura (SPDC)

## (b) Ruoli e attività

q-ps_activities = Quali sono le principali attività svolte dagli ESP?
opt-ps_activities-individual_recovery = Sostegno ai percorsi individuali di recovery
opt-ps_activities-group_facilitation = Conduzione o co-conduzione di attività di gruppo
opt-ps_activities-peer_groups = Conduzione di gruppi di supporto tra pari
opt-ps_activities-accompaniment = Accompagnamento individuale
opt-ps_activities-training = Partecipazione ad attività formative
opt-ps_activities-daily_living = Sostegno nelle attività della vita quotidiana

## (c) Formazione e retribuzione

q-ps_trained = Gli ESP ricevono una formazione specifica prima di iniziare l'attività?
q-ps_training_by = Chi organizza la formazione?
opt-ps_training_by-mhd = Il DSM stesso
opt-ps_training_by-region = La Regione
opt-ps_training_by-user_assoc = Associazioni di utenti
opt-ps_training_by-cooperative = Cooperative sociali
q-ps_paid = Gli ESP del suo DSM ricevono una qualche forma di compenso?
q-ps_funding = Da dove provengono i fondi per il compenso?
opt-ps_funding-cooperative = Convenzioni con cooperative sociali
opt-ps_funding-mhd_funds = Fondi propri del DSM
opt-ps_funding-user_assoc = Associazioni di utenti
opt-ps_funding-health_authority = Finanziamento diretto dell'Azienda Sanitaria
q-ps_protocols = Il suo DSM dispone di protocolli o linee guida per il coinvolgimento degli ESP?

## (d) Benefici percepiti

q-ps_effective = Ritiene che gli ESP siano efficaci nel migliorare i percorsi di cura?
opt-ps_effective-not_at_all = Per nulla efficaci
opt-ps_effective-slightly = Poco efficaci
opt-ps_effective-moderately = Abbastanza efficaci
opt-ps_effective-very = Molto efficaci
opt-ps_effective-extremely = Estremamente efficaci
q-ps_stigma = Gli ESP contribuiscono a ridurre lo stigma e a favorire l'inclusione sociale?
q-ps_stigma_how = In che modo gli ESP contribuiscono a ridurre lo stigma e a favorire l'inclusione?
opt-ps_stigma_how-narratives = Condividendo il proprio vissuto e la propria storia di recovery
opt-ps_stigma_how-awareness = Partecipando a iniziative di sensibilizzazione pubblica
opt-ps_stigma_how-cultural = Organizzando attività culturali e ricreative o partecipandovi
q-ps_satisfaction = Il coinvolgimento degli ESP ha migliorato la soddisfazione degli utenti?

## (e) Difficoltà e ostacoli

q-ps_difficulties = Quali difficoltà ha incontrato (o prevede di incontrare) il suo DSM nell'inserimento degli esperti in supporto tra pari (ESP)?
help-ps_difficulties = Risponda anche se il DSM non ha ancora attivato il supporto tra pari: indichi le difficoltà che prevede.
opt-ps_difficulties-recognition = Mancato riconoscimento istituzionale del ruolo dell'ESP nel sistema della salute mentale
opt-ps_difficulties-resources = Scarse risorse economiche per formazione e compenso
opt-ps_difficulties-cultural_resistance = Resistenze culturali e pregiudizi da parte degli operatori sanitari
opt-ps_difficulties-role_clarity = Ruoli e responsabilità dell'ESP poco chiari nell'équipe
opt-ps_difficulties-fragmented = Inserimento frammentario e limitato degli ESP nei servizi
opt-ps_difficulties-recruitment = Difficoltà nell'individuare e reclutare ESP idonei
opt-ps_difficulties-training_gap = Assenza di una formazione specifica per ESP adeguata alle esigenze del DSM
opt-ps_difficulties-mhd_interest = Scarso interesse dei DSM per le iniziative di supporto tra pari
opt-ps_difficulties-user_interest = Scarso interesse degli utenti a diventare ESP
opt-ps_difficulties-supervision = Mancanza di supervisione e sostegno continuativi per gli ESP
opt-ps_difficulties-staff_relations = Rapporti difficili tra ESP e altri operatori
opt-ps_difficulties-association_collab = Collaborazione difficile tra ESP e associazioni
opt-ps_difficulties-user_autonomy = Scarsa autonomia degli utenti del DSM
opt-ps_difficulties-patient_resistance = Resistenza dei pazienti ad accettare il supporto di un ESP

## (f) Co-produzione e coinvolgimento degli utenti

q-cp_planning_role = Che ruolo hanno gli utenti nella programmazione strategica del suo DSM?
opt-cp_planning_role-none = Nessuno
opt-cp_planning_role-consultative = Consultivo
opt-cp_planning_role-decisive = Decisionale
q-cp_tools = Il suo DSM utilizza strumenti strutturati (focus group, questionari) per coinvolgere gli utenti nella co-progettazione?
q-cp_active = Il suo DSM realizza iniziative di co-produzione o co-progettazione con gli utenti?
q-cp_areas = In quali ambiti si realizza la co-produzione?
opt-cp_areas-rehab_activities = Organizzazione delle attività riabilitative
opt-cp_areas-care_pathways = Revisione dei percorsi di cura
opt-cp_areas-new_services = Progettazione di nuovi servizi
opt-cp_areas-staff_training = Formazione degli operatori
q-cp_participation = In che misura gli utenti partecipano attivamente alla progettazione dei servizi?
opt-cp_participation-not_at_all = Per nulla
opt-cp_participation-a_little = Poco
opt-cp_participation-moderately = Abbastanza
opt-cp_participation-a_lot = Molto
opt-cp_participation-very_much = Moltissimo
q-cp_outcomes = Quali esiti positivi della co-produzione ha osservato?
opt-cp_outcomes-less_stigma = Riduzione dello stigma
opt-cp_outcomes-relationships = Migliori relazioni tra utenti e operatori
opt-cp_outcomes-individualised = Percorsi di cura più personalizzati
q-cp_barriers = Quali ostacoli alla co-produzione ha incontrato?
opt-cp_barriers-professional_resistance = Resistenze da parte degli operatori
opt-cp_barriers-no_guidelines = Mancanza di linee guida formali
opt-cp_barriers-low_engagement = Scarsa partecipazione degli utenti

## (g) Strategie orientate alla recovery

q-rec_strategies = Il suo DSM adotta strategie specifiche per promuovere la recovery personale degli utenti?
q-rec_actions = Quali sono le principali azioni intraprese per promuovere la recovery?
opt-rec_actions-care_plans = Progetti terapeutici personalizzati
opt-rec_actions-associations = Collaborazione con associazioni di utenti e familiari
opt-rec_actions-social_inclusion = Promozione dell'inclusione sociale
opt-rec_actions-education_work = Sostegno alla formazione e all'inserimento lavorativo
opt-rec_actions-anti_stigma = Iniziative antistigma e di sensibilizzazione
opt-rec_actions-recovery_education = Formazione degli utenti sulla recovery
opt-rec_actions-cultural_sports = Attività culturali, artistiche e sportive
opt-rec_actions-staff_training = Principi della recovery nella formazione degli operatori
opt-rec_actions-home_based = Interventi domiciliari orientati alla recovery
opt-rec_actions-self_help = Promozione del supporto tra pari e dei gruppi di auto mutuo aiuto
opt-rec_actions-monitoring = Monitoraggio dei progressi nel percorso di recovery
opt-rec_actions-involving_psw = Coinvolgimento degli ESP
opt-rec_actions-coproduction = Coinvolgimento degli utenti nella co-produzione
opt-rec_actions-strengths = Approccio centrato sui punti di forza
q-rec_contribution = In che misura ritiene che il supporto tra pari e la co-produzione abbiano contribuito a migliorare i percorsi di recovery?
opt-rec_contribution-not_at_all = Per nulla
opt-rec_contribution-a_little = Poco
opt-rec_contribution-moderately = Abbastanza
opt-rec_contribution-very = Molto
opt-rec_contribution-extremely = Moltissimo
q-promising_practices = Descriva eventuali buone pratiche o esperienze promettenti del suo DSM nel supporto tra pari o nella co-produzione che meritino di essere condivise con altri Dipartimenti.
help-promising_practices = Fino a 2.000 caratteri; Invio va a capo.
