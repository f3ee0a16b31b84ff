### The bundled questionnaire: national survey of peer support and
### co-production in Italian Mental Health Departments (English).

form-title = Peer support and co-production in Mental Health Departments
form-purpose = The survey explores the presence, organisation and perceived impact of peer support and co-production practices in Italian Mental Health Departments: the results will show what helps them take root in services and what stands in their way.

## Sections (kept short: they are listed beside the question)

section-dept = The department
section-impl = (a) Peer support
section-roles = (b) Roles and activities
section-training = (c) Training and pay
section-benefits = (d) Perceived benefits
section-barriers = (e) Barriers
section-coprod = (f) Co-production
section-recovery = (g) Recovery

## Column headings where responses are listed

summary-dept_name = Department
summary-dept_region = Region

## Shared options

opt-yes = Yes
opt-no = No
opt-dk = Do not know
opt-other = Other
q-other-specify = Other (please specify)

## The department

q-dept_region = In which region (or autonomous province) is your MHD?
help-dept_region = Type part of the name to narrow the list.
region-abruzzo = Abruzzo
region-basilicata = Basilicata
region-calabria = Calabria
region-campania = Campania
region-emilia_romagna = Emilia-Romagna
region-friuli_venezia_giulia = Friuli Venezia Giulia
region-lazio = Lazio
region-liguria = Liguria
region-lombardia = Lombardy
region-marche = Marche
region-molise = Molise
region-piemonte = Piedmont
region-bolzano = Autonomous Province of Bolzano
region-trento = Autonomous Province of Trento
region-bolzano-short = Bolzano (AP)
region-trento-short = Trento (AP)
region-puglia = Apulia
region-sardegna = Sardinia
region-sicilia = Sicily
region-toscana = Tuscany
region-umbria = Umbria
region-valle_d_aosta = Aosta Valley
region-veneto = Veneto

q-dept_name = Name of the Mental Health Department and of its Local Health Authority
help-dept_name = For example: DSM-DP, AUSL di Bologna.

derived-macro_area = Macro-area
macro-north_west = North-West
macro-north_east = North-East
macro-centre = Centre
macro-south = South
macro-islands = Islands

## (a) Implementation of peer support

q-ps_active = Does your MHD implement peer support initiatives?
q-ps_years = How long have these initiatives been active?
opt-ps_years-under_1 = Less than 1 year
opt-ps_years-y1_3 = 1–3 years
opt-ps_years-y4_6 = 4–6 years
opt-ps_years-over_6 = More than 6 years
q-ps_count = How many peer support workers are active in your MHD?
help-ps_count = Count every PSW working today, paid or volunteer.
opt-ps_count-none = None
opt-ps_count-n1_3 = 1–3
opt-ps_count-n4_6 = 4–6
opt-ps_count-over_6 = More than 6
q-ps_services = In which MHD services are PSWs employed?
opt-ps_services-cmhc = Community Mental Health Centres
opt-ps_services-day_centre = Day Centres
opt-ps_services-residential = Residential facilities
opt-ps_services-inpatient = Psychiatric inpatient units

## (b) Roles and activities

q-ps_activities = What are the main activities carried out by PSWs?
opt-ps_activities-individual_recovery = Supporting individual recovery paths
opt-ps_activities-group_facilitation = Facilitating or co-facilitating group activities
opt-ps_activities-peer_groups = Leading peer support groups
opt-ps_activities-accompaniment = Individual accompaniment
opt-ps_activities-training = Taking part in training activities
opt-ps_activities-daily_living = Help with daily living skills

## (c) Training and remuneration

q-ps_trained = Do PSWs receive specific training before starting their role?
q-ps_training_by = Who organises the training?
opt-ps_training_by-mhd = The MHD itself
opt-ps_training_by-region = Regional authorities
opt-ps_training_by-user_assoc = Service user associations
opt-ps_training_by-cooperative = Social cooperatives
q-ps_paid = Do PSWs in your MHD receive any form of compensation?
q-ps_funding = Where does the funding for the compensation come from?
opt-ps_funding-cooperative = Agreements with social cooperatives
opt-ps_funding-mhd_funds = MHD-specific funds
opt-ps_funding-user_assoc = User associations
opt-ps_funding-health_authority = Direct funding from the Local Health Authority
q-ps_protocols = Does your MHD have protocols or guidelines for PSWs' involvement?

## (d) Perceived benefits

q-ps_effective = Do you consider PSWs effective in improving care pathways?
opt-ps_effective-not_at_all = Not at all effective
opt-ps_effective-slightly = Slightly effective
opt-ps_effective-moderately = Moderately effective
opt-ps_effective-very = Very effective
opt-ps_effective-extremely = Extremely effective
q-ps_stigma = Do PSWs play a role in reducing stigma and promoting social inclusion?
q-ps_stigma_how = How do PSWs contribute to reducing stigma and promoting inclusion?
opt-ps_stigma_how-narratives = Sharing lived experience and recovery narratives
opt-ps_stigma_how-awareness = Public awareness initiatives
opt-ps_stigma_how-cultural = Organising or taking part in cultural and recreational activities
q-ps_satisfaction = Has PSW involvement improved service users' satisfaction?

## (e) Challenges and barriers

q-ps_difficulties = What difficulties has your MHD met (or would it expect) in integrating peer support workers (PSWs)?
help-ps_difficulties = Answer even if your MHD has no peer support yet: tell us what you would expect.
opt-ps_difficulties-recognition = Lack of institutional recognition of the PSW role within the MH system
opt-ps_difficulties-resources = Limited economic resources for training and remuneration
opt-ps_difficulties-cultural_resistance = Cultural resistance and prejudice from healthcare professionals
opt-ps_difficulties-role_clarity = Lack of clarity on PSW roles and responsibilities within the team
opt-ps_difficulties-fragmented = Fragmented and limited integration of PSWs into services
opt-ps_difficulties-recruitment = Difficulty identifying and recruiting suitable PSWs
opt-ps_difficulties-training_gap = Lack of specific training for PSWs aligned with MHD needs
opt-ps_difficulties-mhd_interest = Low interest from MHDs in PSW initiatives
opt-ps_difficulties-user_interest = Low interest among users in becoming PSWs
opt-ps_difficulties-supervision = Lack of ongoing supervision and support for PSWs during activities
opt-ps_difficulties-staff_relations = Difficulty in relationships between PSWs and other professionals
opt-ps_difficulties-association_collab = Difficulty in collaboration between PSWs and associations
opt-ps_difficulties-user_autonomy = Low autonomy among MHD users
opt-ps_difficulties-patient_resistance = Resistance from patients to accept PSW support

## (f) Co-production and user involvement

q-cp_planning_role = What role do users have in the strategic planning of your MHD?
opt-cp_planning_role-none = None
opt-cp_planning_role-consultative = Consultative
opt-cp_planning_role-decisive = Decisive
q-cp_tools = Does your MHD use structured tools (focus groups, questionnaires) to engage users in co-design?
q-cp_active = Does your MHD engage in co-production or co-design initiatives with users?
q-cp_areas = In which areas does co-production take place?
opt-cp_areas-rehab_activities = Organisation of rehabilitation activities
opt-cp_areas-care_pathways = Review of care pathways
opt-cp_areas-new_services = Design of new services
opt-cp_areas-staff_training = Staff training
q-cp_participation = To what extent do users actively participate in service design?
opt-cp_participation-not_at_all = Not at all
opt-cp_participation-a_little = A little
opt-cp_participation-moderately = Moderately
opt-cp_participation-a_lot = A lot
opt-cp_participation-very_much = Very much
q-cp_outcomes = What positive outcomes of co-production have you observed?
opt-cp_outcomes-less_stigma = Reduced stigma
opt-cp_outcomes-relationships = Better relationships between users and providers
opt-cp_outcomes-individualised = More individualised care pathways
q-cp_barriers = What barriers to co-production have you met?
opt-cp_barriers-professional_resistance = Resistance from professionals
opt-cp_barriers-no_guidelines = Lack of formal guidelines
opt-cp_barriers-low_engagement = Limited user engagement

## (g) Recovery-oriented strategies

q-rec_strategies = Does your MHD adopt specific strategies to promote users' personal recovery?
q-rec_actions = What are the main actions taken to promote recovery?
opt-rec_actions-care_plans = Developing personalised care plans
opt-rec_actions-associations = Collaboration with users' and families' associations
opt-rec_actions-social_inclusion = Promoting social inclusion
opt-rec_actions-education_work = Educational and occupational support
opt-rec_actions-anti_stigma = Anti-stigma and awareness-raising initiatives
opt-rec_actions-recovery_education = Educating users about recovery
opt-rec_actions-cultural_sports = Cultural, artistic and sports activities
opt-rec_actions-staff_training = Incorporating recovery principles in staff training
opt-rec_actions-home_based = Home-based recovery-oriented interventions
opt-rec_actions-self_help = Promoting peer support/self-help groups
opt-rec_actions-monitoring = Monitoring recovery progress
opt-rec_actions-involving_psw = Involving PSWs
opt-rec_actions-coproduction = Involving users in co-production
opt-rec_actions-strengths = Strengths-based approach
q-rec_contribution = To what extent do you think peer support and co-production have contributed to improving recovery pathways?
opt-rec_contribution-not_at_all = Not at all
opt-rec_contribution-a_little = A little
opt-rec_contribution-moderately = Moderately
opt-rec_contribution-very = Very
opt-rec_contribution-extremely = Extremely
q-promising_practices = Describe any promising practice of your MHD in peer support or co-production worth sharing with other departments.
help-promising_practices = Up to 2,000 characters; Enter starts a new line.
