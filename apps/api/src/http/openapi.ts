import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/**
 * The api's OpenAPI document, built from its controllers and DTOs. Served at /docs, and the source
 * of the dashboard's typed client (`npm run api:types`), so the two cannot drift.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tiergate')
      .setDescription(
        'Tiered AI platform API: the Together surface (/api/v1/together/*), the OpenAI-compatible surface (/v1/*), accounts and administration.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .addCookieAuth('tiergate_session')
      .build(),
  );
}
