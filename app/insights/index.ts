/**
 * Public surface of the insights context: the only module other contexts may import.
 */
export {}
