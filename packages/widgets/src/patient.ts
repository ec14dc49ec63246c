// The patient-facing components only (no report form): for vendors who bundle themselves, and the
// entry the bench measures for the patient-path budget.
export * from './complaint-redirect/complaint-redirect.js';
export * from './conduct-banner/conduct-banner.js';
