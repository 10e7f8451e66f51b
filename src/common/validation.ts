import { ValidationPipe } from '@nestjs/common';
import { MfaError } from './mfa-error';

/**
 * Bodies are validated against their DTO; unknown properties, wrong types and
 * non-object bodies are all VALIDATION_FAILED. Messages name properties, never values.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new MfaError(
        'VALIDATION_FAILED',
        errors
          .flatMap((e) => Object.values(e.constraints ?? { invalid: `${e.property} is invalid` }))
          .join('; ') || 'The request body is malformed.',
      ),
  });
}
