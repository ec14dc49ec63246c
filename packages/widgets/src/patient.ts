// The patient-facing components only (no report form): for vendors who bundle themselves and for
// measuring the patient-path budget.
export {};
