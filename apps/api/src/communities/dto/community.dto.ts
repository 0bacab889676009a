import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGISTRATION_STATUSES, RegistrationStatus, Tradition, TRADITIONS } from '@dastarkhan/domain';

/** Just enough to name a community in a list. */
export class CommunityRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: TRADITIONS, enumName: 'Tradition' })
  tradition: Tradition;

  @ApiProperty({ enum: REGISTRATION_STATUSES, enumName: 'RegistrationStatus' })
  registrationStatus: RegistrationStatus;
}

/** The community's latest claim to be registered, as the community itself sees it (P7). */
export class RegistrationClaimDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['pending', 'verified', 'rejected'] })
  status: 'pending' | 'verified' | 'rejected';

  @ApiProperty()
  registrationNumber: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Null only on a claim filed on its behalf, until verified' })
  registrationDate: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Null only on a claim filed on its behalf, until verified' })
  issuingBody: string | null;

  @ApiProperty({ format: 'date-time' })
  claimedAt: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  decidedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  rejectionReason: string | null;
}

/**
 * A community's profile as the caller may see it: contact fields are null unless the caller is
 * the community itself or a coordinator of a club it applied to.
 */
export class CommunityDto extends CommunityRefDto {
  @ApiProperty({ type: String, nullable: true })
  registrationNumber: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  registrationDate: string | null;

  @ApiProperty({ type: String, nullable: true })
  registrationIssuingBody: string | null;

  @ApiProperty({
    type: RegistrationClaimDto,
    nullable: true,
    description: 'The latest registration claim: for the community itself only (null for everyone else)',
  })
  registrationClaim: RegistrationClaimDto | null;

  @ApiProperty()
  description: string;

  @ApiProperty()
  leaders: string;

  @ApiProperty()
  meetingPlace: string;

  @ApiProperty({ type: Number, nullable: true })
  approximateSize: number | null;

  @ApiProperty()
  activities: string;

  @ApiProperty({ type: String, nullable: true })
  contactEmail: string | null;

  @ApiProperty({ type: String, nullable: true })
  contactPhone: string | null;

  @ApiProperty()
  isPublic: boolean;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  officialConsentAt: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  cityId: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When its personal data was erased (P11)' })
  erasedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ description: 'Pass back when saving the profile (409 when it changed meanwhile)' })
  version: number;
}
