# British English dates ("2 September 2024") rather than Django's US default ("Sept. 2, 2024"):
# the network's English readers are in the UK.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
TIME_FORMAT = "H:i"
