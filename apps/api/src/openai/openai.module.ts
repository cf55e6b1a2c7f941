import { Module } from '@nestjs/common';
import { ReasoningModule } from '../reasoning/reasoning.module.js';
import { OpenAiController } from './openai.controller.js';
import { OpenAiService } from './openai.service.js';

/** The OpenAI-compatible facade. */
@Module({ imports: [ReasoningModule], controllers: [OpenAiController], providers: [OpenAiService] })
export class OpenAiModule {}
