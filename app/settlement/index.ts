/**
 * Public surface of the settlement context: the only module other contexts may import.
 */
export {}
