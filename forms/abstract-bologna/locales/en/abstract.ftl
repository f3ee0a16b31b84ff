# The abstract form of the Bologna DSM-DP peer-support programme: the
# labels are the form's own English ones.

abstract-title = Abstract form
abstract-section-authors = Authors
abstract-section-contact = Contact details
abstract-section-contribution = The contribution
abstract-summary-title = Title
abstract-summary-authors = Name

abstract-authors = Name
abstract-authors-help = Every author, as they are to appear: surname and initials, separated by commas.
abstract-country = Country
abstract-affiliation = Affiliation (University/Agency/NGO)
abstract-address = Address
abstract-phone = Phone-mobile
abstract-phone-help = Digits, with + and the country code for a number outside Italy.
abstract-fax = Fax
abstract-email = E-mail
abstract-contribution-title = Title of the contribution
abstract-objectives = Objectives
abstract-contents = Contents-text (max. 400 words)
abstract-contents-help = Background, Objective, Methods, Results and Conclusions, each beginning a paragraph of its own.
form-noun = Abstract
