// Every migration, in order. A unit test checks that each file in this folder is listed here.
import { Init1795623603833 } from './1795623603833-init';
import { Meetings1795626179392 } from './1795626179392-meetings';
import { TopicsAndHolidays1795626179393 } from './1795626179393-topics-and-holidays';
import { Projects1795628004447 } from './1795628004447-projects';
import { PathwayPolicy1795629743648 } from './1795629743648-pathway-policy';
import { PathwayDecisions1795633111859 } from './1795633111859-pathway-decisions';
import { NationalHolidayUnique1795635288278 } from './1795635288278-national-holiday-unique';
import { AccessAndPrivacy1796285826538 } from './1796285826538-access-and-privacy';
import { AccountSecurity1796290273500 } from './1796290273500-account-security';
import { ClubAdministration1796301881001 } from './1796301881001-club-administration';
import { ClubLife1796302443449 } from './1796302443449-club-life';
import { PeopleAndRoles1796302504715 } from './1796302504715-people-and-roles';
import { ScaleIndexes1796304173196 } from './1796304173196-scale-indexes';
import { AttendanceMonthly1796305200500 } from './1796305200500-attendance-monthly';
import { ClubCounts1796305300000 } from './1796305300000-club-counts';
export const MIGRATIONS: Function[] = [Init1795623603833, Meetings1795626179392, TopicsAndHolidays1795626179393, Projects1795628004447, PathwayPolicy1795629743648, PathwayDecisions1795633111859, NationalHolidayUnique1795635288278, AccessAndPrivacy1796285826538, AccountSecurity1796290273500, ClubAdministration1796301881001, ClubLife1796302443449, PeopleAndRoles1796302504715, ScaleIndexes1796304173196, AttendanceMonthly1796305200500, ClubCounts1796305300000];
