import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { GenerationOptionsDto, MAX_MESSAGE_CHARS } from './chat-completion.dto';

export class TextCompletionDto extends GenerationOptionsDto {
  @ApiProperty({ example: 'Write a poem about artificial intelligence', maxLength: MAX_MESSAGE_CHARS })
  @IsString({ message: 'prompt must be a string' })
  @MinLength(1, { message: 'prompt must not be empty' })
  @MaxLength(MAX_MESSAGE_CHARS, { message: `prompt must be at most ${MAX_MESSAGE_CHARS} characters` })
  prompt!: string;
}

export class CodeCompletionDto extends TextCompletionDto {
  @ApiPropertyOptional({ example: 'python', description: 'The programming language to answer in' })
  @IsOptional()
  @Matches(/^[A-Za-z][\w+#.\- ]{0,31}$/, { message: 'language must be a language name such as python' })
  language?: string;
}
