import { ApiProperty } from '@nestjs/swagger';
import type { Principal, UserEntity } from '@tiergate/auth';
import type { Role, Tier } from '@tiergate/common';
import { ROLE_ENUM, TIER_ENUM } from '../../http/dto-fields';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty(ROLE_ENUM) role!: Role;
  @ApiProperty(TIER_ENUM) tier!: Tier;

  static from(user: Pick<UserEntity | Principal, 'id' | 'email' | 'role' | 'tier'>): UserDto {
    return { id: user.id, email: user.email, role: user.role, tier: user.tier };
  }
}
