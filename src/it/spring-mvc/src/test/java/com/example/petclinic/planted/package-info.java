/**
 * One test per defect planted in the application on purpose. The suite's guard fails each of them,
 * so the normal test run leaves this package out; {@code PlantedDefectsTest} runs it and checks
 * that each failed, naming the defect and the application's line.
 */
package com.example.petclinic.planted;
