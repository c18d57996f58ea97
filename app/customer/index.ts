/**
 * Public surface of the customer context: the only module other contexts may import.
 */
export {}
