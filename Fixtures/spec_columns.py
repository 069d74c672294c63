"""The SPEC section 3 columns of every entity, in SPEC order: shared by the Fixtures scripts."""

COLUMNS = {
    "suppliers": "supplier_id name inn kpp bank_name bic corr_account account address phone",
    "services": "service_id name unit supplier_id method vat_mode absence_recalc group",
    "tariffs": "service_id valid_from price valid_to zone category norm coefficient",
    "accounts": "account_id kind name address inn contract_no contract_date postal_address area residents "
                "email email_confirmed e_receipt delivery_route opened closed changed_from",
    "account_services": "account_id service_id valid_from valid_to quantity installation",
    "meters": "meter_id account_id service_id zones digits installed removed verification_due",
    "readings": "meter_id date value zone source rollover",
    "volumes": "account_id service_id period quantity installation",
    "payments": "payment_id account_id date amount source period",
    "absences": "account_id date_from date_to persons document",
    "key_rates": "valid_from rate",
}
COLUMNS = {name: columns.split() for name, columns in COLUMNS.items()}
