package dev.crmschema.compiler.model;

/** One option of a SELECT or MULTI_SELECT field. */
public record SelectOption(String value, String label, int position, String color) {}
