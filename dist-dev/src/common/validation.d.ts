import { ValidationPipe } from '@nestjs/common';
export declare function createValidationPipe(): ValidationPipe;
